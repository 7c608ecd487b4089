// Checks a student's submitted answers against the quiz before they are stored or scored.
import { answerSheetSchema } from './schema.ts';
import type { AnswerSheet, QuizContent } from './types.ts';
import { formatPath } from './validate.ts';

export type AnswerErrorCode =
  | 'MALFORMED'
  | 'UNKNOWN_QUESTION'
  | 'UNKNOWN_PART'
  | 'UNKNOWN_OPTION'
  | 'WRONG_PART_KIND'
  | 'DUPLICATE_OPTION';

/** `message` is English, for logs and API errors. */
export type AnswerError = {
  code: AnswerErrorCode;
  questionId?: string;
  part?: number;
  optionId?: string;
  message: string;
};

/**
 * Checks a submitted sheet against the quiz. Missing questions and parts are fine (they score 0), and
 * any number of selections is accepted for choose-N (the policy scores it), but a single-choice part
 * with several selections is MALFORMED.
 */
export function checkAnswerSheet(
  content: QuizContent,
  sheet: unknown,
): { ok: true; sheet: AnswerSheet } | { ok: false; error: AnswerError } {
  const parsed = answerSheetSchema.safeParse(sheet);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return {
      ok: false,
      error: { code: 'MALFORMED', message: `${formatPath(issue.path) || 'sheet'}: ${issue.message}` },
    };
  }
  const fail = (error: AnswerError) => ({ ok: false as const, error });
  for (const [questionId, answers] of Object.entries(parsed.data)) {
    const question = content.questions.find((q) => q.id === questionId);
    if (!question) {
      return fail({
        code: 'UNKNOWN_QUESTION',
        questionId,
        message: `quiz ${content.id} has no question '${questionId}'`,
      });
    }
    for (const [partKey, answer] of Object.entries(answers)) {
      const part = Number(partKey);
      const spec = question.parts[part];
      const where = { questionId, part };
      if (!spec) {
        return fail({ code: 'UNKNOWN_PART', ...where, message: `${questionId} has no part ${part}` });
      }
      if (spec.kind !== answer.kind) {
        return fail({
          code: 'WRONG_PART_KIND',
          ...where,
          message: `${questionId} part ${part} is a ${spec.kind} part, not ${answer.kind}`,
        });
      }
      if (spec.kind !== 'choice' || answer.kind !== 'choice') continue;
      const seen = new Set<string>();
      for (const optionId of answer.selected) {
        if (!spec.options.some((o) => o.id === optionId)) {
          return fail({
            code: 'UNKNOWN_OPTION',
            ...where,
            optionId,
            message: `${questionId} part ${part} has no option '${optionId}'`,
          });
        }
        if (seen.has(optionId)) {
          return fail({
            code: 'DUPLICATE_OPTION',
            ...where,
            optionId,
            message: `${questionId} part ${part}: '${optionId}' selected twice`,
          });
        }
        seen.add(optionId);
      }
      if (spec.choose === 1 && answer.selected.length > 1) {
        return fail({
          code: 'MALFORMED',
          ...where,
          message: `${questionId} part ${part} takes one option; got ${answer.selected.length}`,
        });
      }
    }
  }
  return { ok: true, sheet: parsed.data };
}
