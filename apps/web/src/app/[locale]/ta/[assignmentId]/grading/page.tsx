import { GradingTab } from '@/components/ta/grading/grading-tab';
import { requireTa } from '../../require-ta';

export default async function GradingPage({
  params,
}: {
  params: Promise<{ locale: string; assignmentId: string }>;
}) {
  const { locale, assignmentId } = await params;
  await requireTa(locale);
  return <GradingTab assignmentId={assignmentId} />;
}
