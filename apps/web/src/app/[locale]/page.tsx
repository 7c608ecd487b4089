import { redirect } from 'next/navigation';
import { AssignmentList } from '@/components/assignment-list';
import { currentUser } from '@/server/lib/current-user';

export default async function Home({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const user = await currentUser();
  if (!user) redirect(`/${locale}/sign-in`);
  if (user.role === 'TA') redirect(`/${locale}/ta`);
  return <AssignmentList />;
}
