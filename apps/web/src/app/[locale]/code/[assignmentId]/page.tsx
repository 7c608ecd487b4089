import { redirect } from 'next/navigation';
import { CodeBlankList } from '@/components/code/code-blank-list';
import { currentUser } from '@/server/lib/current-user';

export default async function CodeAssignmentPage({
  params,
}: {
  params: Promise<{ locale: string; assignmentId: string }>;
}) {
  const { locale, assignmentId } = await params;
  if (!(await currentUser())) redirect(`/${locale}/sign-in`);
  return <CodeBlankList assignmentId={assignmentId} />;
}
