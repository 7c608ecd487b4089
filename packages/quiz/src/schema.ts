// zod schemas for quiz content and answer sheets. Content shape only: the rules that need the
// whole quiz (unique ids, keys naming options, points) are in validate.ts.
import { z } from 'zod';
import type { AnswerSheet, QuizContent } from './types.ts';

/** Longest Markdown text of one locale, in characters. */
export const MAX_TEXT_LENGTH = 20_000;
export const MAX_OPTIONS = 26;
export const MAX_PARTS = 10;
export const MAX_QUESTIONS = 200;
/** Longest `selected` array an answer may carry. */
export const MAX_SELECTED = 10;

const text = z.string().max(MAX_TEXT_LENGTH);
export const localizedTextSchema = z.strictObject({ 'zh-TW': text, en: text });

export const choiceOptionSchema = z.strictObject({
  id: z.string().regex(/^[A-Z]$/, 'option ids are single capital letters (A, B, C, …)'),
  text: localizedTextSchema,
});

export const choicePartSchema = z.strictObject({
  kind: z.literal('choice'),
  prompt: localizedTextSchema.optional(),
  choose: z.int(),
  options: z.array(choiceOptionSchema).min(1).max(MAX_OPTIONS),
  points: z.number(),
  key: z.array(z.string()).max(MAX_OPTIONS),
});

export const uploadPartSchema = z.strictObject({
  kind: z.literal('upload'),
  prompt: localizedTextSchema,
  points: z.number(),
});

export const questionPartSchema = z.discriminatedUnion('kind', [choicePartSchema, uploadPartSchema]);

export const questionSchema = z.strictObject({
  id: z.string().regex(/^q\d{2,3}$/, "question ids look like 'q01'"),
  number: z.int().min(1),
  section: z.enum(['paper', 'coding']),
  stem: localizedTextSchema,
  parts: z.array(questionPartSchema).min(1).max(MAX_PARTS),
  explanation: localizedTextSchema,
  /** Set by a TA's regrade (Canvas "full credit for everyone"): every part earns its points. */
  fullCredit: z.boolean().optional(),
});

export const quizContentSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'quiz ids are lowercase letters, digits and dashes'),
  title: localizedTextSchema,
  questions: z.array(questionSchema).min(1).max(MAX_QUESTIONS),
});

// Answer sheets come from browsers: every string and array is bounded, so is the whole sheet
// (at most MAX_QUESTIONS × MAX_PARTS answers of at most MAX_SELECTED short ids).
// Ids never start with '_' so '__proto__' can never become a key.
const questionIdKey = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/);
const partIndexKey = z.string().regex(/^(0|[1-9][0-9]?)$/, 'part keys are indexes: "0", "1", …');

export const partAnswerSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('choice'),
    selected: z.array(z.string().min(1).max(8)).max(MAX_SELECTED),
  }),
  z.strictObject({ kind: z.literal('upload'), uploadId: z.uuid() }),
]);

export const answerSheetSchema = z
  .record(
    questionIdKey,
    z
      .record(partIndexKey, partAnswerSchema)
      .refine((parts) => Object.keys(parts).length <= MAX_PARTS, `at most ${MAX_PARTS} parts per question`),
  )
  .refine(
    (sheet) => Object.keys(sheet).length <= MAX_QUESTIONS,
    `at most ${MAX_QUESTIONS} questions per answer sheet`,
  );

// The inferred types must stay exactly the hand-written ones in types.ts.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const contentTypesAgree: Same<z.infer<typeof quizContentSchema>, QuizContent> = true;
const sheetTypesAgree: Same<z.infer<typeof answerSheetSchema>, AnswerSheet> = true;
void contentTypesAgree;
void sheetTypesAgree;
