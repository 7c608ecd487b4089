import { GradebookTab } from '@/components/ta/gradebook/gradebook-tab';
import { requireTa } from '../../require-ta';

export default async function GradebookPage({
  params,
}: {
  params: Promise<{ locale: string; assignmentId: string }>;
}) {
  const { locale, assignmentId } = await params;
  await requireTa(locale);
  return <GradebookTab assignmentId={assignmentId} />;
}
