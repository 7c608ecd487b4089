import type { Locale } from '@infer-lab/quiz';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import 'katex/dist/katex.min.css';
import '../globals.css';
import { Providers } from '@/client/providers';
import { Header } from '@/components/header';
import { currentUser } from '@/server/lib/current-user';

export const dynamic = 'force-dynamic';

export const metadata = { title: 'Infer Lab' };

export default async function LocaleLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (locale !== 'zh-TW' && locale !== 'en') notFound();
  const user = await currentUser();
  return (
    <html lang={locale}>
      <body>
        <Providers locale={locale as Locale}>
          <Header user={user ? { name: user.name, role: user.role } : null} />
          <main>{children}</main>
        </Providers>
      </body>
    </html>
  );
}
