// The course runs on Asia/Taipei time: UTC+8 all year (no daylight saving), so the offset is fixed.
export const COURSE_TIMEZONE = 'Asia/Taipei';
const OFFSET_MS = 8 * 3600_000;

/** A <input type="datetime-local"> value ("2026-05-01T23:59") read as Taipei time; null if malformed. */
export function taipeiInputToDate(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const date = new Date(`${value}:00+08:00`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The other way: a moment as that input's value in Taipei time. */
export function dateToTaipeiInput(date: Date): string {
  return new Date(date.getTime() + OFFSET_MS).toISOString().slice(0, 16);
}
