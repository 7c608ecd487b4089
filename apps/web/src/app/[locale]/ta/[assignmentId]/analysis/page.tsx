import { AnalysisTab } from '@/components/ta/analysis/analysis-tab';
import { requireTa } from '../../require-ta';

export default async function AnalysisPage({
  params,
}: {
  params: Promise<{ locale: string; assignmentId: string }>;
}) {
  const { locale, assignmentId } = await params;
  await requireTa(locale);
  return <AnalysisTab assignmentId={assignmentId} />;
}
