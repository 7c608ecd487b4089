'use client';
import type { Locale } from '@infer-lab/quiz';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { createContext, type ReactNode, useContext, useState } from 'react';
import superjson from 'superjson';
import { type MessageKey, translate } from '@/i18n/messages';
import type { AppRouter } from '@/server/routers/app';

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

const LocaleContext = createContext<Locale>('zh-TW');

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useT() {
  const locale = useLocale();
  return (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
}

/** 4xx answers are final: retrying them only repeats the error. */
function shouldRetry(failures: number, error: unknown): boolean {
  const status =
    error instanceof TRPCClientError
      ? (error.data as { httpStatus?: number } | undefined)?.httpStatus
      : undefined;
  return failures < 2 && !(status && status >= 400 && status < 500);
}

export function Providers({ locale, children }: { locale: Locale; children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 5_000, retry: shouldRetry }, mutations: { retry: false } },
      }),
  );
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({ url: '/api/trpc', transformer: superjson, headers: () => ({ 'x-locale': locale }) }),
      ],
    }),
  );
  return (
    <LocaleContext.Provider value={locale}>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
          {children}
        </TRPCProvider>
      </QueryClientProvider>
    </LocaleContext.Provider>
  );
}
