// What a student may see of a blank and of a graded submission. Before release, hidden tests show
// only their name and verdict; their messages (which may leak the cases) are withheld.
import type { LocalizedText } from '../types.ts';
import type { CodeBlank, CodeTestResult } from './types.ts';

export type StudentCodeBlank = Omit<CodeBlank, 'tests'> & {
  tests: { id: string; title: LocalizedText; hidden: boolean }[];
};

export function studentCodeBlank(blank: CodeBlank): StudentCodeBlank {
  return { ...blank, tests: blank.tests.map(({ id, title, hidden }) => ({ id, title, hidden })) };
}

export const WITHHELD_MESSAGE = 'Hidden test: details are shown after grades are released.';

export function studentCodeResults(
  results: readonly CodeTestResult[],
  options: { released: boolean },
): CodeTestResult[] {
  if (options.released) return results.map((r) => ({ ...r }));
  return results.map((r) => (r.hidden ? { ...r, message: WITHHELD_MESSAGE } : { ...r }));
}
