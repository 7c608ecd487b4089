'use client';
import type { Question } from '@infer-lab/quiz';
import { useLocale, useT } from '@/client/providers';
import { Markdown } from '../../markdown';

const partPoints = (q: Question) => Math.round(q.parts.reduce((s, p) => s + p.points, 0) * 1e4) / 1e4;

/** A question as the TA sees it: every part with its key, the explanation folded away. */
export function QuestionView({ question: q, onEdit }: { question: Question; onEdit: () => void }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="card question" data-testid={`ta-question-${q.id}`} id={q.id}>
      <div className="ta-row">
        <h2>
          {t('question', { n: q.number })}{' '}
          <span className="muted">
            · {t(q.section)} · {t('points', { points: partPoints(q) })}
          </span>{' '}
          {q.fullCredit && <span className="badge open">{t('taFullCreditBadge')}</span>}
        </h2>
        <button type="button" onClick={onEdit} data-testid={`edit-${q.id}`}>
          {t('taEdit')}
        </button>
      </div>
      <Markdown text={q.stem[locale]} />
      {q.parts.map((part, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: parts are fixed and identified by position
        <div key={i} className="part">
          {q.parts.length > 1 && (
            <h3 className="muted">
              {t('part', { n: i + 1 })} · {t('points', { points: part.points })}
            </h3>
          )}
          {part.kind === 'choice' ? (
            <>
              {part.prompt && <Markdown text={part.prompt[locale]} />}
              <ol className="ta-options">
                {part.options.map((option) => (
                  <li key={option.id} className={part.key.includes(option.id) ? 'key' : undefined}>
                    <span className="option-id">{option.id}.</span>
                    <Markdown text={option.text[locale]} />
                  </li>
                ))}
              </ol>
              <p className="answer-key" data-testid={`key-${q.id}-${i}`}>
                {t('answerKey')}: {part.key.join(', ')}
              </p>
            </>
          ) : (
            <>
              <Markdown text={part.prompt[locale]} />
              <p className="muted">{t('taGradedByHand')}</p>
            </>
          )}
        </div>
      ))}
      <details>
        <summary>{t('explanation')}</summary>
        <Markdown text={q.explanation[locale]} />
      </details>
    </section>
  );
}
