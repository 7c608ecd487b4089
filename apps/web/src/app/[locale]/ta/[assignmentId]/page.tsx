import { QuestionsTab } from '@/components/ta/questions/questions-tab';
import { requireTa } from '../require-ta';

export default async function QuestionsPage({
  params,
}: {
  params: Promise<{ locale: string; assignmentId: string }>;
}) {
  const { locale, assignmentId } = await params;
  await requireTa(locale);
  return <QuestionsTab assignmentId={assignmentId} />;
}
