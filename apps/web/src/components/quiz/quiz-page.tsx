'use client';
import type { AnswerSheet, Locale } from '@infer-lab/quiz';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import Link from 'next/link';
import { useLocale, useT, useTRPC } from '@/client/providers';
import { formatDateTime } from '@/i18n/dates';
import type { AppRouter } from '@/server/routers/app';
import { Deadline } from '../deadline';
import { Markdown } from '../markdown';
import { AttemptHistory } from './attempt-history';
import { ChoicePart } from './choice-part';
import { UploadPart } from './upload-part';
import { type DraftStatus, useDraft } from './use-draft';

const draftLabel: Record<DraftStatus, 'draftSaving' | 'draftSaved' | 'draftOffline' | null> = {
  idle: null,
  saving: 'draftSaving',
  saved: 'draftSaved',
  offline: 'draftOffline',
};

export function QuizPage({ assignmentId, userId }: { assignmentId: string; userId: string }) {
  const trpc = useTRPC();
  const t = useT();
  const locale = useLocale();
  const quiz = useQuery(trpc.student.quiz.get.queryOptions({ assignmentId }));
  if (quiz.isPending) return <p className="card">{t('loading')}</p>;
  if (quiz.error) return <p className="card error">{t('error', { message: quiz.error.message })}</p>;
  return <QuizForm assignmentId={assignmentId} userId={userId} locale={locale} data={quiz.data} />;
}

type QuizData = inferRouterOutputs<AppRouter>['student']['quiz']['get'];

function QuizForm({
  assignmentId,
  userId,
  locale,
  data,
}: {
  assignmentId: string;
  userId: string;
  locale: Locale;
  data: QuizData;
}) {
  const trpc = useTRPC();
  const t = useT();
  const queryClient = useQueryClient();
  const { answers, update, status } = useDraft(assignmentId, userId, data.draft);
  const submit = useMutation(
    trpc.student.quiz.submit.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({
          queryKey: trpc.student.quiz.attempts.queryKey({ assignmentId }),
        });
        void queryClient.invalidateQueries({ queryKey: trpc.student.assignments.list.queryKey() });
      },
    }),
  );
  const { assignment, content } = data;
  const setPart = (questionId: string, part: number, value: AnswerSheet[string][string]) =>
    update({ ...answers, [questionId]: { ...answers[questionId], [String(part)]: value } });
  const unanswered = content.questions.filter(
    (q) => !answers[q.id] || Object.keys(answers[q.id]!).length === 0,
  ).length;
  const label = draftLabel[status];

  return (
    <div className="quiz">
      <p>
        <Link href={`/${locale}`}>{t('backToAssignments')}</Link>
      </p>
      <section className="card">
        <h1>{assignment.title[locale]}</h1>
        <p>
          {t('deadline')}: <Deadline at={assignment.dueAt} timezone={assignment.timezone} />
        </p>
        <p className="muted">{t('unlimited')}</p>
        {assignment.state === 'closed' && <p className="notice">{t('deadlinePassed')}</p>}
        <p className="muted">
          {assignment.released
            ? t('released')
            : t('keysHidden', { date: formatDateTime(assignment.releaseAt, locale, assignment.timezone) })}
        </p>
      </section>

      {content.questions.map((q) => (
        <section key={q.id} className="card question" data-testid={`question-${q.id}`} id={q.id}>
          <h2>
            {t('question', { n: q.number })} <span className="muted">· {t(q.section)}</span>
          </h2>
          <Markdown text={q.stem[locale]} />
          {q.parts.map((part, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: parts are fixed and identified by position
            <div key={`${q.id}-${i}`}>
              {q.parts.length > 1 && (
                <h3 className="muted">
                  {t('part', { n: i + 1 })} · {t('points', { points: part.points })}
                </h3>
              )}
              {part.kind === 'choice' ? (
                <ChoicePart
                  name={`${q.id}-${i}`}
                  part={part}
                  locale={locale}
                  selected={(() => {
                    const a = answers[q.id]?.[String(i)];
                    return a?.kind === 'choice' ? a.selected : [];
                  })()}
                  onChange={(selected) => setPart(q.id, i, { kind: 'choice', selected })}
                />
              ) : (
                <UploadPart
                  assignmentId={assignmentId}
                  questionId={q.id}
                  prompt={part.prompt}
                  locale={locale}
                  uploadId={(() => {
                    const a = answers[q.id]?.[String(i)];
                    return a?.kind === 'upload' ? a.uploadId : undefined;
                  })()}
                  onUploaded={(uploadId) => setPart(q.id, i, { kind: 'upload', uploadId })}
                />
              )}
            </div>
          ))}
          {'explanation' in q && (
            <div className="explanation">
              <h3>{t('explanation')}</h3>
              <Markdown text={q.explanation[locale]} />
            </div>
          )}
        </section>
      ))}

      {/* The server checks the deadline again: a page left open past it is refused with a message. */}
      {assignment.state === 'open' && (
        <section className="card submit-bar">
          <div>
            {label && (
              <span className="muted" data-testid="draft-status" data-status={status}>
                {t(label)}
              </span>
            )}
            {unanswered > 0 && (
              <span className="muted">
                {label ? ' · ' : ''}
                {t('unanswered', { count: unanswered })}
              </span>
            )}
          </div>
          <button
            type="button"
            data-testid="submit"
            disabled={submit.isPending}
            onClick={() => submit.mutate({ assignmentId, answers })}
          >
            {submit.isPending ? t('submitting') : t('submit')}
          </button>
          {submit.data && (
            <p className="success" role="status" data-testid="submit-result">
              {t('submitted', {
                score: submit.data.attempt.score,
                max: submit.data.attempt.maxScore,
                best: submit.data.bestScore,
              })}
            </p>
          )}
          {submit.error && (
            <p className="error" role="alert" data-testid="submit-error">
              {submit.error.message}
            </p>
          )}
          <p className="muted">{t('pendingUploads')}</p>
        </section>
      )}

      <AttemptHistory assignmentId={assignmentId} content={content.released ? content : null} />
    </div>
  );
}
