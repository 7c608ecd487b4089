// Validation of quiz content, for TAs editing it: every problem is collected, each with the path to
// fix and an English message. Answer sheets are checked in answer-sheet.ts.
import type { z } from 'zod';
import { isPointStep, POINT_STEP, roundPoints } from './points.ts';
import { quizContentSchema } from './schema.ts';
import type { ChoicePart, LocalizedText, QuizContent } from './types.ts';
import { LOCALES } from './types.ts';

export type ContentIssue = { path: string; code: string; message: string };

/** How points are split. The HW3 handout: 0.5 per question; an upload part 0.25 (+ a 0.25 choice). */
export type PointRules = { questionPoints: number; uploadPartPoints: number };
export const HW3_POINT_RULES: PointRules = { questionPoints: 0.5, uploadPartPoints: 0.25 };

export function validateQuizContent(
  content: unknown,
  rules: PointRules = HW3_POINT_RULES,
): { ok: true; content: QuizContent } | { ok: false; issues: ContentIssue[] } {
  const parsed = quizContentSchema.safeParse(content);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map(shapeIssue) };
  const issues = contentIssues(parsed.data, rules);
  return issues.length === 0 ? { ok: true, content: parsed.data } : { ok: false, issues };
}

function shapeIssue(issue: z.core.$ZodIssue): ContentIssue {
  return { path: formatPath(issue.path), code: 'INVALID_SHAPE', message: issue.message };
}

/** A zod path as TAs read it: questions[3].parts[0].key[1]. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

function contentIssues(content: QuizContent, rules: PointRules): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const add = (path: string, code: string, message: string) => issues.push({ path, code, message });
  const checkText = (path: string, text: LocalizedText) => {
    for (const locale of LOCALES) {
      if (text[locale].trim() === '') add(`${path}.${locale}`, 'EMPTY_TEXT', `${path}.${locale} is empty`);
    }
  };

  checkText('title', content.title);
  const seenIds = new Map<string, number>();
  const seenNumbers = new Map<number, number>();
  content.questions.forEach((question, qi) => {
    const at = `questions[${qi}]`;
    const firstId = seenIds.get(question.id);
    if (firstId !== undefined) {
      add(
        `${at}.id`,
        'DUPLICATE_QUESTION_ID',
        `question id '${question.id}' is already used by questions[${firstId}]`,
      );
    } else seenIds.set(question.id, qi);
    const firstNumber = seenNumbers.get(question.number);
    if (firstNumber !== undefined) {
      add(
        `${at}.number`,
        'DUPLICATE_QUESTION_NUMBER',
        `question number ${question.number} is already used by questions[${firstNumber}]`,
      );
    } else seenNumbers.set(question.number, qi);
    if (question.number !== qi + 1) {
      add(
        `${at}.number`,
        'QUESTION_ORDER',
        `${question.id} has number ${question.number} but is question ${qi + 1} in the list; numbers run 1, 2, 3, … in order`,
      );
    }
    const expectedId = `q${String(question.number).padStart(2, '0')}`;
    if (question.id !== expectedId) {
      add(
        `${at}.id`,
        'ID_NUMBER_MISMATCH',
        `question ${question.number} has id '${question.id}'; expected '${expectedId}'`,
      );
    }
    checkText(`${at}.stem`, question.stem);
    checkText(`${at}.explanation`, question.explanation);

    question.parts.forEach((part, pi) => {
      const partAt = `${at}.parts[${pi}]`;
      if (part.prompt) checkText(`${partAt}.prompt`, part.prompt);
      if (!(part.points > 0)) {
        add(
          `${partAt}.points`,
          'POINTS_NOT_POSITIVE',
          `${question.id} part ${pi}: points must be positive, got ${part.points}`,
        );
      } else if (!isPointStep(part.points)) {
        add(
          `${partAt}.points`,
          'POINTS_NOT_STEP',
          `${question.id} part ${pi}: points ${part.points} is not a multiple of ${POINT_STEP}`,
        );
      }
      if (part.kind === 'choice') choiceIssues(part, partAt, `${question.id} part ${pi}`, add, checkText);
      else if (part.points !== rules.uploadPartPoints) {
        add(
          `${partAt}.points`,
          'UPLOAD_POINTS',
          `${question.id} part ${pi}: an upload part is worth ${rules.uploadPartPoints}, got ${part.points}`,
        );
      }
    });
    const total = roundPoints(question.parts.reduce((sum, part) => sum + part.points, 0));
    if (total !== rules.questionPoints) {
      add(
        `${at}.parts`,
        'QUESTION_POINTS',
        `${question.id}: parts add up to ${total} points; each question is worth ${rules.questionPoints}`,
      );
    }
  });
  return issues;
}

function choiceIssues(
  part: ChoicePart,
  at: string,
  label: string,
  add: (path: string, code: string, message: string) => void,
  checkText: (path: string, text: LocalizedText) => void,
): void {
  const ids = new Set<string>();
  part.options.forEach((option, oi) => {
    const expected = String.fromCharCode(65 + oi);
    if (ids.has(option.id)) {
      add(
        `${at}.options[${oi}].id`,
        'DUPLICATE_OPTION_ID',
        `${label}: option id '${option.id}' is used twice`,
      );
    } else if (option.id !== expected) {
      add(
        `${at}.options[${oi}].id`,
        'OPTION_ORDER',
        `${label}: option ${oi + 1} has id '${option.id}'; options are labelled A, B, C, … in order, so expected '${expected}'`,
      );
    }
    ids.add(option.id);
    checkText(`${at}.options[${oi}].text`, option.text);
  });

  const count = part.options.length;
  if (part.choose < 1 || part.choose > count) {
    add(
      `${at}.choose`,
      'CHOOSE_OUT_OF_RANGE',
      `${label}: choose is ${part.choose}; it must be between 1 and ${count} (the number of options)`,
    );
  }
  const keyIds = new Set<string>();
  part.key.forEach((id, ki) => {
    if (!ids.has(id)) {
      add(
        `${at}.key[${ki}]`,
        'KEY_UNKNOWN_OPTION',
        `${label}: key names '${id}', which is not an option (options: ${[...ids].join(', ')})`,
      );
    }
    if (keyIds.has(id)) add(`${at}.key[${ki}]`, 'DUPLICATE_KEY', `${label}: key names '${id}' twice`);
    keyIds.add(id);
  });
  if (part.key.length !== part.choose) {
    add(
      `${at}.key`,
      'KEY_LENGTH',
      `${label}: key has ${part.key.length} option(s) but the part says choose ${part.choose}`,
    );
  }
}
