import { redirect } from 'next/navigation';
import { CodeBlankPage } from '@/components/code/code-blank-page';
import { currentUser } from '@/server/lib/current-user';

export default async function BlankPage({
  params,
}: {
  params: Promise<{ locale: string; assignmentId: string; blankId: string }>;
}) {
  const { locale, assignmentId, blankId } = await params;
  const user = await currentUser();
  if (!user) redirect(`/${locale}/sign-in`);
  return <CodeBlankPage assignmentId={assignmentId} blankId={blankId} userId={user.id} />;
}
