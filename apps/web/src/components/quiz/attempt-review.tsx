'use client';
// After release: one attempt with the student's choices marked against the key, and the explanations.
import type { AnswerSheet, Locale, PartResult, QuizContent } from '@infer-lab/quiz';
import { useT } from '@/client/providers';
import { Markdown } from '../markdown';

export function AttemptReview({
  content,
  answers,
  results,
  locale,
}: {
  content: QuizContent;
  answers: AnswerSheet;
  results: PartResult[];
  locale: Locale;
}) {
  const t = useT();
  return (
    <div className="review" data-testid="attempt-review">
      {content.questions.map((q) => (
        <div key={q.id} className="review-question">
          <h4>{t('question', { n: q.number })}</h4>
          {q.parts.map((part, i) => {
            const result = results.find((r) => r.questionId === q.id && r.part === i);
            const answer = answers[q.id]?.[String(i)];
            const mark = result?.pending ? '⏳' : result?.correct ? '✓' : '✗';
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: parts are fixed and identified by position
              <p key={i} className={result?.correct ? 'success' : result?.pending ? 'muted' : 'error'}>
                {mark} {t('score')}: {result?.points ?? 0} / {part.points}
                {part.kind === 'choice' && (
                  <>
                    {' · '}
                    {t('yourAnswer')}:{' '}
                    {answer?.kind === 'choice' && answer.selected.length ? answer.selected.join(', ') : '—'}
                    {' · '}
                    {t('answerKey')}: {part.key.join(', ')}
                  </>
                )}
              </p>
            );
          })}
          <Markdown text={q.explanation[locale]} />
        </div>
      ))}
    </div>
  );
}
