'use client';
import { useQuery } from '@tanstack/react-query';
import { useLocale, useT, useTRPC } from '@/client/providers';
import { formatDateTime } from '@/i18n/dates';

export function AttemptHistory({ assignmentId }: { assignmentId: string }) {
  const trpc = useTRPC();
  const t = useT();
  const locale = useLocale();
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
            </tr>
          </thead>
          <tbody>
            {attempts.map((a, i) => (
              <tr key={a.id} className={a.id === bestAttemptId ? 'best' : undefined}>
                <td>{attempts.length - i}</td>
                <td>{formatDateTime(a.submittedAt, locale)}</td>
                <td>
                  {a.score} / {a.maxScore}{' '}
                  {a.id === bestAttemptId && <span className="badge open">{t('best')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
