'use client';
import { useEffect, useState } from 'react';
import { useLocale, useT } from '@/client/providers';
import { formatDateTime } from '@/i18n/dates';

/** The deadline in the course's time zone and, once in the browser, in the student's own. */
export function Deadline({ at, timezone }: { at: Date; timezone: string }) {
  const locale = useLocale();
  const t = useT();
  const [local, setLocal] = useState<string | null>(null);
  useEffect(() => setLocal(formatDateTime(at, locale)), [at, locale]);
  return (
    <span className="deadline">
      <span data-testid="deadline-course">
        {formatDateTime(at, locale, timezone)} ({t('deadlineTaipei')})
      </span>
      {local && (
        <span className="muted" data-testid="deadline-local">
          {' '}
          · {local} ({t('deadlineLocal')})
        </span>
      )}
    </span>
  );
}
