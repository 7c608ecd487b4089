'use client';
// One submission in the history; while it is queued or running it polls its own status.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocale, useT, useTRPC } from '@/client/providers';
import { formatDateTime } from '@/i18n/dates';
import { TestResults } from './test-results';

const FINAL = new Set(['GRADED', 'SYSTEM_ERROR']);

export function SubmissionRow({
  submissionId,
  isBest,
  onFinal,
}: {
  submissionId: string;
  isBest: boolean;
  onFinal: () => void;
}) {
  const trpc = useTRPC();
  const t = useT();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const [reported, setReported] = useState(false);
  const status = useQuery({
    ...trpc.student.code.submission.queryOptions({ submissionId }),
    refetchInterval: (query) => (query.state.data && FINAL.has(query.state.data.status) ? false : 1000),
  });
  const s = status.data;
  if (!s) return null;
  if (FINAL.has(s.status) && !reported) {
    setReported(true);
    onFinal();
  }
  const label = {
    QUEUED: t('queued'),
    RUNNING: t('running'),
    GRADED: t('graded'),
    SYSTEM_ERROR: t('systemError'),
  }[s.status];
  return (
    <>
      <tr data-testid="submission-row" data-status={s.status}>
        <td>{formatDateTime(s.createdAt, locale)}</td>
        <td>
          <span
            className={`badge ${s.status === 'GRADED' ? 'open' : s.status === 'SYSTEM_ERROR' ? 'closed' : ''}`}
          >
            {label}
          </span>
        </td>
        <td data-testid="submission-score">
          {s.score ?? '—'} / {s.maxScore} {isBest && <span className="badge open">{t('best')}</span>}
        </td>
        <td>
          {s.results && (
            <button type="button" className="link" onClick={() => setOpen(!open)}>
              {open ? t('hideReview') : t('review')}
            </button>
          )}
        </td>
      </tr>
      {s.systemError && (
        <tr>
          <td colSpan={4} className="muted">
            {t('systemErrorNote')}
          </td>
        </tr>
      )}
      {open && s.results && (
        <tr>
          <td colSpan={4}>
            <TestResults results={s.results} testId="submission-results" />
          </td>
        </tr>
      )}
    </>
  );
}
