'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useLocale, useT, useTRPC } from '@/client/providers';
import type { MessageKey } from '@/i18n/messages';

/** The assignment's pages in the TA console, by the path segment after /ta/{assignmentId}. */
export const TA_TABS: { segment: string; label: MessageKey }[] = [
  { segment: '', label: 'taTabQuestions' },
  { segment: 'gradebook', label: 'taTabGradebook' },
  { segment: 'analysis', label: 'taTabAnalysis' },
  { segment: 'grading', label: 'taTabGrading' },
  { segment: 'extensions', label: 'taTabExtensions' },
];

export function taTabHref(locale: string, assignmentId: string, segment: string): string {
  return `/${locale}/ta/${assignmentId}${segment ? `/${segment}` : ''}`;
}

export function TaTabs({ assignmentId }: { assignmentId: string }) {
  const trpc = useTRPC();
  const t = useT();
  const locale = useLocale();
  const pathname = usePathname();
  const quiz = useQuery(trpc.ta.quiz.get.queryOptions({ assignmentId }));
  return (
    <section className="card ta-head">
      <p className="ta-back">
        <Link href={`/${locale}/ta`}>{t('taBackToConsole')}</Link>
      </p>
      <h1>{quiz.data?.assignment.title[locale] ?? assignmentId}</h1>
      <nav className="ta-tabs" aria-label={t('taConsole')}>
        {TA_TABS.map((tab) => {
          const href = taTabHref(locale, assignmentId, tab.segment);
          return (
            <Link
              key={tab.segment}
              href={href}
              aria-current={pathname === href ? 'page' : undefined}
              data-testid={`ta-tab-${tab.segment || 'questions'}`}
            >
              {t(tab.label)}
            </Link>
          );
        })}
      </nav>
    </section>
  );
}
