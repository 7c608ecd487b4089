'use client';
import type { AnswerSheet, QuizContent } from '@infer-lab/quiz';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useLocale, useT, useTRPC } from '@/client/providers';
import { formatDateTime } from '@/i18n/dates';
import { AttemptReview } from './attempt-review';

/** `content` is the released quiz (with keys and explanations), or null before release. */
export function AttemptHistory({
  assignmentId,
  content,
}: {
  assignmentId: string;
  content: QuizContent | null;
}) {
  const trpc = useTRPC();
  const t = useT();
  const locale = useLocale();
  const [open, setOpen] = useState<string | null>(null);
  const history = useQuery(trpc.student.quiz.attempts.queryOptions({ assignmentId }));
  if (!history.data) return null;
  const { attempts, bestAttemptId, bestScore } = history.data;
  return (
    <section className="card" data-testid="attempt-history">
      <h2>{t('history')}</h2>
      <p>
        {t('bestScore')}: <strong data-testid="best-score">{bestScore ?? '—'}</strong>
      </p>
      {attempts.length === 0 ? (
        <p className="muted">{t('noAttempts')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>#</th>
              <th>{t('submittedAt')}</th>
              <th>{t('score')}</th>
              {content && <th />}
            </tr>
          </thead>
          <tbody>
            {attempts.map((a, i) => (
              <Fragment key={a.id}>
                <tr className={a.id === bestAttemptId ? 'best' : undefined}>
                  <td>{attempts.length - i}</td>
                  <td>{formatDateTime(a.submittedAt, locale)}</td>
                  <td>
                    {a.score} / {a.maxScore}{' '}
                    {a.id === bestAttemptId && <span className="badge open">{t('best')}</span>}
                  </td>
                  {content && (
                    <td>
                      <button
                        type="button"
                        className="link"
                        onClick={() => setOpen(open === a.id ? null : a.id)}
                      >
                        {open === a.id ? t('hideReview') : t('review')}
                      </button>
                    </td>
                  )}
                </tr>
                {content && open === a.id && 'results' in a && a.results && (
                  <tr>
                    <td colSpan={4}>
                      <AttemptReview
                        content={content}
                        answers={a.answers as AnswerSheet}
                        results={a.results}
                        locale={locale}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
