// A check is one test of a blank. It returns a short success message or throws: TestFailure or a
// StudentCodeError is the student's verdict; anything else is a failure of the grader itself.
import type { GraderModels } from '../models.ts';
import type { Sandbox } from '../sandbox/sandbox.ts';

export interface CheckContext {
  sandbox: Sandbox;
  models: GraderModels;
}

export type Check = (context: CheckContext) => Promise<string> | string;

export class TestFailure extends Error {
  override readonly name = 'TestFailure';
}

export function fail(message: string): never {
  throw new TestFailure(message);
}

/** Arrays and numbers as a student reads them: 4 decimals, at most 8 entries. */
export function show(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toPrecision(4);
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const items = Array.from(value as ArrayLike<unknown>);
    const shown = items.slice(0, 8).map(show).join(', ');
    return `[${shown}${items.length > 8 ? `, … (${items.length} values)` : ''}]`;
  }
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value)?.slice(0, 200) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A list of numbers of the expected length (typed array or plain array), or a failure saying what came back. */
export function numbers(value: unknown, length: number | undefined, what: string): ArrayLike<number> {
  if (!Array.isArray(value) && !(ArrayBuffer.isView(value) && !(value instanceof DataView))) {
    fail(`${what} returned ${show(value)}; expected an array of numbers`);
  }
  const list = value as ArrayLike<unknown>;
  if (length !== undefined && list.length !== length)
    fail(`${what} returned ${list.length} values; expected ${length}`);
  for (let i = 0; i < list.length; i++) {
    if (typeof list[i] !== 'number')
      fail(`${what} returned ${show(list[i])} at index ${i}; expected a number`);
  }
  return list as ArrayLike<number>;
}

export function closeTo(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number): number {
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    if (!(Math.abs(a - e) <= tolerance * Math.max(1, Math.abs(e)))) return i;
  }
  return -1;
}
