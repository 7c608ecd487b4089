import type { Locale } from '@infer-lab/quiz';

const intlLocale = (locale: Locale) => (locale === 'zh-TW' ? 'zh-TW' : 'en-GB');

/** A moment in the course's time zone, or in the browser's own when timeZone is omitted. */
export function formatDateTime(date: Date, locale: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
    ...(timeZone ? { timeZone } : {}),
    timeZoneName: 'short',
  }).format(date);
}
