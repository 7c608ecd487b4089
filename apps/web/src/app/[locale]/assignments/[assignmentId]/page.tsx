import { redirect } from 'next/navigation';
import { QuizPage } from '@/components/quiz/quiz-page';
import { currentUser } from '@/server/lib/current-user';

export default async function AssignmentPage({
  params,
}: {
  params: Promise<{ locale: string; assignmentId: string }>;
}) {
  const { locale, assignmentId } = await params;
  const user = await currentUser();
  if (!user) redirect(`/${locale}/sign-in`);
  return <QuizPage assignmentId={assignmentId} userId={user.id} />;
}
