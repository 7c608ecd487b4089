'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useLocale, useT, useTRPC } from '@/client/providers';
import { Deadline } from '../deadline';

export function CodeBlankList({ assignmentId }: { assignmentId: string }) {
  const trpc = useTRPC();
  const t = useT();
  const locale = useLocale();
  const list = useQuery(trpc.student.code.list.queryOptions({ assignmentId }));
  if (list.isPending) return <p className="card">{t('loading')}</p>;
  if (list.error) return <p className="card error">{t('error', { message: list.error.message })}</p>;
  const { assignment, blanks } = list.data;
  return (
    <section className="card">
      <p>
        <Link href={`/${locale}`}>{t('backToAssignments')}</Link>
      </p>
      <h1>{assignment.title[locale]}</h1>
      <p>
        {t('deadline')}: <Deadline at={assignment.dueAt} timezone={assignment.timezone} />
      </p>
      <ul className="assignments">
        {blanks.map((b) => (
          <li key={b.id} data-testid={`blank-${b.id}`}>
            <Link href={`/${locale}/code/${assignmentId}/${b.id}`} className="title">
              {b.title[locale]}
            </Link>
            <span className="muted">
              {t('bestScore')}: {b.bestScore ?? '—'} / {b.points}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
