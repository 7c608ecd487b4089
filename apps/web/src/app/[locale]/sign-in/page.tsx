import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/sign-in-form';
import { currentUser } from '@/server/lib/current-user';

export default async function SignInPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (await currentUser()) redirect(`/${locale}`);
  return <SignInForm />;
}
