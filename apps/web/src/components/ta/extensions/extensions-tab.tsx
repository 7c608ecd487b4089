'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useT, useTRPC } from '@/client/providers';
import { formatDateTime } from '@/i18n/dates';
import { COURSE_TIMEZONE } from '../taipei-time';
import { GrantForm } from './grant-form';

export function ExtensionsTab({ assignmentId }: { assignmentId: string }) {
  const trpc = useTRPC();
  const t = useT();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.ta.extensions.list.queryOptions({ assignmentId }));
  const quiz = useQuery(trpc.ta.quiz.get.queryOptions({ assignmentId }));
  const revoke = useMutation(
    trpc.ta.extensions.revoke.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.ta.pathKey() }),
    }),
  );
  const when = (date: Date) => formatDateTime(date, locale, COURSE_TIMEZONE);
  return (
    <div data-testid="extensions">
      <section className="card">
        <h2>{t('taExtensionsTitle')}</h2>
        {quiz.data && (
          <p className="muted">{t('taCourseDeadline', { date: when(quiz.data.assignment.dueAt) })}</p>
        )}
        {list.isPending && <p>{t('loading')}</p>}
        {list.error && <p className="error">{t('error', { message: list.error.message })}</p>}
        {list.data?.length === 0 && <p className="muted">{t('taNoExtensions')}</p>}
        {list.data && list.data.length > 0 && (
          <div className="ta-scroll">
            <table>
              <thead>
                <tr>
                  <th>{t('taStudent')}</th>
                  <th>{t('taNewDeadline')}</th>
                  <th>{t('taReason')}</th>
                  <th>{t('taGrantedBy')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {list.data.map((e) => (
                  <tr key={e.user.id} data-testid={`extension-${e.user.studentId ?? e.user.id}`}>
                    <td>
                      {e.user.name} <span className="muted">{e.user.studentId ?? e.user.email}</span>
                    </td>
                    <td className="nowrap">{when(e.dueAt)}</td>
                    <td>{e.reason ?? '—'}</td>
                    <td>
                      {e.grantedBy.name} <span className="muted small">{when(e.createdAt)}</span>
                    </td>
                    <td>
                      <button
                        type="button"
                        className="secondary"
                        disabled={revoke.isPending}
                        onClick={() => revoke.mutate({ assignmentId, userId: e.user.id })}
                      >
                        {t('taRevoke')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {revoke.error && (
          <p className="error" role="alert">
            {revoke.error.message}
          </p>
        )}
      </section>
      <GrantForm assignmentId={assignmentId} />
    </div>
  );
}
