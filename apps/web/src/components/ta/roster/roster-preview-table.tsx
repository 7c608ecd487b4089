'use client';
import type { inferRouterOutputs } from '@trpc/server';
import { useLocale, useT } from '@/client/providers';
import type { MessageKey } from '@/i18n/messages';
import type { AppRouter } from '@/server/routers/app';

export type RosterPreview = inferRouterOutputs<AppRouter>['ta']['roster']['preview'];

const statusLabel: Record<RosterPreview['rows'][number]['status'], MessageKey> = {
  new: 'taRosterNew',
  update: 'taRosterUpdate',
  error: 'taRosterError',
};

/** Each readable row with what importing it would do, then the rows that could not be read. */
export function RosterPreviewTable({ preview }: { preview: RosterPreview }) {
  const t = useT();
  const locale = useLocale();
  const count = (status: string) => preview.rows.filter((r) => r.status === status).length;
  return (
    <div data-testid="roster-preview">
      <p>
        {t('taRosterCounts', {
          fresh: count('new'),
          update: count('update'),
          errors: count('error') + new Set(preview.errors.map((e) => e.line)).size,
        })}
      </p>
      {preview.errors.length > 0 && (
        <ul className="ta-flags" data-testid="roster-errors">
          {preview.errors.map((e) => (
            <li key={`${e.line}-${e.code}-${e.column ?? ''}`}>{e.message[locale]}</li>
          ))}
        </ul>
      )}
      {preview.rows.length > 0 && (
        <div className="ta-scroll">
          <table>
            <thead>
              <tr>
                <th>{t('taLine')}</th>
                <th>{t('taStudentId')}</th>
                <th>{t('taStudent')}</th>
                <th>{t('email')}</th>
                <th>{t('taSection')}</th>
                <th>{t('taStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((r) => (
                <tr key={r.line} className={r.status === 'error' ? 'ta-row-error' : undefined}>
                  <td>{r.line}</td>
                  <td>{r.studentId}</td>
                  <td>{r.name}</td>
                  <td>{r.email}</td>
                  <td>{r.section ?? '—'}</td>
                  <td>
                    <span
                      className={`badge ${r.status === 'error' ? 'closed' : r.status === 'new' ? 'open' : ''}`}
                    >
                      {t(statusLabel[r.status])}
                    </span>
                    {r.problems.map((p) => (
                      <div key={p.en} className="error small">
                        {p[locale]}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
