'use client';
import { useQuery } from '@tanstack/react-query';
import { useT, useTRPC } from '@/client/providers';
import { ItemCard } from './item-card';

export function AnalysisTab({ assignmentId }: { assignmentId: string }) {
  const trpc = useTRPC();
  const t = useT();
  const analysis = useQuery(trpc.ta.analysis.items.queryOptions({ assignmentId }));
  if (analysis.isPending) return <p className="card">{t('loading')}</p>;
  if (analysis.error) return <p className="card error">{t('error', { message: analysis.error.message })}</p>;
  const { students, mean, median, max, groupSize, items } = analysis.data;
  // A question with more than one analysed part shows part numbers.
  const partsOf = new Map<string, number>();
  for (const item of items) partsOf.set(item.questionId, (partsOf.get(item.questionId) ?? 0) + 1);
  const flagged = items.filter((i) => i.flags.length > 0).length;
  return (
    <div data-testid="item-analysis">
      <section className="card">
        <p data-testid="analysis-summary">
          {t('taAnalysisSummary', {
            students,
            mean: mean ?? '—',
            median: median ?? '—',
            max: max ?? '—',
            group: groupSize,
          })}
        </p>
        <p className="muted small">{t('taAnalysisHelp')}</p>
        {students > 0 && <p>{t('taFlaggedCount', { count: flagged })}</p>}
      </section>
      {students === 0 ? (
        <p className="card muted">{t('taNoStudentsYet')}</p>
      ) : (
        <div className="ta-items">
          {items.map((item) => (
            <ItemCard
              key={`${item.questionId}-${item.part}`}
              item={item}
              multipart={(partsOf.get(item.questionId) ?? 0) > 1 || item.part > 0}
            />
          ))}
        </div>
      )}
    </div>
  );
}
