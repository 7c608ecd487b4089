'use client';
import { useQuery } from '@tanstack/react-query';
import { useLocale, useT, useTRPC } from '@/client/providers';
import { formatDateTime } from '@/i18n/dates';
import type { MessageKey } from '@/i18n/messages';
import { COURSE_TIMEZONE } from '../taipei-time';

const actionLabel: Record<string, MessageKey> = {
  'question.edit': 'taAuditQuestionEdit',
  'question.full-credit': 'taAuditFullCredit',
  release: 'taAuditRelease',
  'manual-grade': 'taAuditManualGrade',
  'extension.grant': 'taAuditExtensionGrant',
  'extension.revoke': 'taAuditExtensionRevoke',
};

/** The recorded details, as "name: value" pairs (arrays and objects as JSON). */
function describe(details: unknown): string {
  if (!details || typeof details !== 'object') return '';
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ');
}

export function AuditLog({ assignmentId }: { assignmentId: string }) {
  const trpc = useTRPC();
  const t = useT();
  const locale = useLocale();
  const audit = useQuery(trpc.ta.audit.list.queryOptions({ assignmentId }));
  return (
    <section className="card" data-testid="audit-log">
      <h2>{t('taAuditTitle')}</h2>
      {audit.error && <p className="error">{t('error', { message: audit.error.message })}</p>}
      {audit.data?.length === 0 && <p className="muted">{t('taAuditEmpty')}</p>}
      {audit.data && audit.data.length > 0 && (
        <div className="ta-scroll">
          <table>
            <thead>
              <tr>
                <th>{t('taWhen')}</th>
                <th>{t('taWho')}</th>
                <th>{t('taAction')}</th>
                <th>{t('taDetails')}</th>
              </tr>
            </thead>
            <tbody>
              {audit.data.map((entry) => {
                const label = actionLabel[entry.action];
                return (
                  <tr key={entry.id} data-action={entry.action}>
                    <td className="nowrap">{formatDateTime(entry.createdAt, locale, COURSE_TIMEZONE)}</td>
                    <td>{entry.actor.name}</td>
                    <td>{label ? t(label) : entry.action}</td>
                    <td className="ta-details">{describe(entry.details)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
