'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useLocale, useT, useTRPC } from '@/client/providers';
import { Deadline } from './deadline';

export function AssignmentList() {
  const trpc = useTRPC();
  const t = useT();
  const locale = useLocale();
  const list = useQuery(trpc.student.assignments.list.queryOptions());
  if (list.isPending) return <p className="card">{t('loading')}</p>;
  if (list.error) return <p className="card error">{t('error', { message: list.error.message })}</p>;
  return (
    <section className="card">
      <h1>{t('assignments')}</h1>
      {list.data.length === 0 && <p>{t('noAssignments')}</p>}
      <ul className="assignments">
        {list.data.map((a) => (
          <li key={a.id} data-testid={`assignment-${a.id}`}>
            <div>
              <Link
                href={`/${locale}/${a.kind === 'CODE' ? 'code' : 'assignments'}/${a.id}`}
                className="title"
              >
                {a.title[locale]}
              </Link>
              <span className={`badge ${a.state}`}>
                {t(a.state === 'open' ? 'open' : a.state === 'closed' ? 'closed' : 'notOpen')}
              </span>
            </div>
            <div className="muted">
              {t('deadline')}: <Deadline at={a.dueAt} timezone={a.timezone} />
            </div>
            <div className="muted">
              {t('bestScore')}: {a.bestScore ?? '—'} · {t('attempts')}: {a.attempts}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
