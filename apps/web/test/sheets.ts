import type { AnswerSheet, QuizContent } from '@infer-lab/quiz';

/** Every choice part answered with its key (upload parts left out). */
export function keySheet(content: QuizContent): AnswerSheet {
  const sheet: AnswerSheet = {};
  for (const q of content.questions) {
    q.parts.forEach((part, i) => {
      if (part.kind !== 'choice') return;
      sheet[q.id] = { ...sheet[q.id], [String(i)]: { kind: 'choice', selected: [...part.key] } };
    });
  }
  return sheet;
}

/** The key sheet with the first `wrong` choice questions answered wrongly. */
export function sheetWithWrong(content: QuizContent, wrong: number): AnswerSheet {
  const sheet = keySheet(content);
  let left = wrong;
  for (const q of content.questions) {
    if (left === 0) break;
    const part = q.parts[0];
    if (part?.kind !== 'choice') continue;
    const other = part.options.find((o) => !part.key.includes(o.id))!;
    sheet[q.id] = { '0': { kind: 'choice', selected: [other.id] } };
    left--;
  }
  return sheet;
}
