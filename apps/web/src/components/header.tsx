'use client';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useLocale, useT, useTRPC } from '@/client/providers';

export function Header({ user }: { user: { name: string; role: string } | null }) {
  const locale = useLocale();
  const t = useT();
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const other = locale === 'zh-TW' ? 'en' : 'zh-TW';
  const setLocale = useMutation(trpc.account.setLocale.mutationOptions());
  const signOut = useMutation(trpc.public.auth.signOut.mutationOptions());

  const switchLanguage = async () => {
    if (user) await setLocale.mutateAsync({ locale: other }).catch(() => {});
    router.push(pathname.replace(/^\/(zh-TW|en)/, `/${other}`));
  };

  return (
    <header className="topbar">
      <Link href={`/${locale}`} className="brand">
        {t('appName')}
      </Link>
      <nav>
        <button
          type="button"
          className="link"
          onClick={switchLanguage}
          data-testid="switch-language"
          lang={other}
        >
          {t('otherLanguage')}
        </button>
        {user?.role === 'TA' && (
          <Link href={`/${locale}/ta`} data-testid="ta-console-link">
            {t('taConsole')}
          </Link>
        )}
        {user && (
          <>
            <span className="who">{user.name}</span>
            <button
              type="button"
              className="link"
              onClick={async () => {
                await signOut.mutateAsync();
                window.location.href = `/${locale}/sign-in`;
              }}
            >
              {t('signOut')}
            </button>
          </>
        )}
      </nav>
    </header>
  );
}
