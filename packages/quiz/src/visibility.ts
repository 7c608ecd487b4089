// What students may see. Before release, keys and explanations are not in the data at all (not
// merely undefined), and the types say so: reading `part.key` on an unreleased view does not compile.
import type { ChoicePart, Question, QuizContent, UploadPart } from './types.ts';

export type HiddenChoicePart = Omit<ChoicePart, 'key'>;
export type HiddenQuestion = Omit<Question, 'parts' | 'explanation' | 'fullCredit'> & {
  parts: (HiddenChoicePart | UploadPart)[];
};
export type UnreleasedQuizContent = Omit<QuizContent, 'questions'> & {
  released: false;
  questions: HiddenQuestion[];
};
export type ReleasedQuizContent = QuizContent & { released: true };
/** Narrow on `released` to reach keys and explanations. */
export type StudentQuizContent = UnreleasedQuizContent | ReleasedQuizContent;

export function studentView(content: QuizContent, opts: { released: false }): UnreleasedQuizContent;
export function studentView(content: QuizContent, opts: { released: true }): ReleasedQuizContent;
export function studentView(content: QuizContent, opts: { released: boolean }): StudentQuizContent;
export function studentView(content: QuizContent, opts: { released: boolean }): StudentQuizContent {
  // A deep copy, so callers can never mutate the server's content through a view.
  const copy = structuredClone(content);
  if (opts.released) return { released: true, ...copy };
  return {
    released: false,
    id: copy.id,
    title: copy.title,
    questions: copy.questions.map(
      ({ explanation: _explanation, fullCredit: _fullCredit, parts, ...question }) => ({
        ...question,
        parts: parts.map((part) => {
          if (part.kind === 'upload') return part;
          const { key: _key, ...hidden } = part;
          return hidden;
        }),
      }),
    ),
  };
}

/** Released at `releaseAt`, or earlier once a TA has released by hand (`releasedAt`). */
export function isReleased(assignment: { releaseAt: Date; releasedAt: Date | null }, now: Date): boolean {
  for (const [name, date] of [
    ['releaseAt', assignment.releaseAt],
    ['releasedAt', assignment.releasedAt],
    ['now', now],
  ] as const) {
    if (date !== null && Number.isNaN(date.getTime()))
      throw new RangeError(`isReleased: ${name} is an invalid Date`);
  }
  const byHand = assignment.releasedAt !== null && assignment.releasedAt <= now;
  return byHand || assignment.releaseAt <= now;
}
