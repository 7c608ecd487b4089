'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useLocale, useT, useTRPC } from '@/client/providers';
import { Deadline } from '../deadline';
import { TA_TABS, taTabHref } from './ta-tabs';

export function TaAssignmentList() {
  const trpc = useTRPC();
  const t = useT();
  const locale = useLocale();
  const list = useQuery(trpc.ta.assignments.list.queryOptions());
  if (list.isPending) return <p className="card">{t('loading')}</p>;
  if (list.error) return <p className="card error">{t('error', { message: list.error.message })}</p>;
  return (
    <section className="card">
      <h1>{t('taConsole')}</h1>
      <p>
        <Link href={`/${locale}/ta/roster`} data-testid="roster-link">
          {t('taRosterTitle')}
        </Link>
      </p>
      <h2>{t('assignments')}</h2>
      <ul className="assignments">
        {list.data.map((a) => (
          <li key={a.id} data-testid={`ta-assignment-${a.id}`}>
            <div>
              <Link href={taTabHref(locale, a.id, '')} className="title">
                {a.title[locale]}
              </Link>
              <span className="muted">{a.courseTitle}</span>
            </div>
            <div className="muted">
              {t('deadline')}: <Deadline at={a.dueAt} timezone={a.timezone} />
            </div>
            <div className="muted">
              {t('taReleaseAt')}: <Deadline at={a.releaseAt} timezone={a.timezone} />
            </div>
            <div className="muted">{t('taCounts', { attempts: a.attempts, students: a.students })}</div>
            <nav className="ta-links">
              {TA_TABS.map((tab) => (
                <Link key={tab.segment} href={taTabHref(locale, a.id, tab.segment)}>
                  {t(tab.label)}
                </Link>
              ))}
            </nav>
          </li>
        ))}
      </ul>
    </section>
  );
}
