'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLocale, useT, useTRPC } from '@/client/providers';
import { formatDateTime } from '@/i18n/dates';

/** When students see keys and explanations, and a button to show them now. */
export function ReleasePanel(props: {
  assignmentId: string;
  assignment: { released: boolean; releaseAt: Date; releasedAt: Date | null; timezone: string };
}) {
  const { assignmentId, assignment } = props;
  const trpc = useTRPC();
  const t = useT();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const release = useMutation(
    trpc.ta.quiz.release.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.ta.pathKey() }),
    }),
  );
  const date = formatDateTime(assignment.releasedAt ?? assignment.releaseAt, locale, assignment.timezone);
  return (
    <section className="card ta-release" data-testid="release-panel">
      <p data-testid="release-state" data-released={assignment.released}>
        {assignment.released ? t('taReleasedAt', { date }) : t('taReleaseScheduled', { date })}
      </p>
      {!assignment.released && (
        <button
          type="button"
          data-testid="release-now"
          disabled={release.isPending}
          onClick={() => {
            if (window.confirm(t('taReleaseConfirm'))) release.mutate({ assignmentId });
          }}
        >
          {t('taReleaseNow')}
        </button>
      )}
      {release.error && (
        <p className="error" role="alert">
          {release.error.message}
        </p>
      )}
    </section>
  );
}
