// Scores an answer sheet against the content's keys. Pure: same inputs, same score.
import { gradeKey, roundPoints } from './points.ts';
import type {
  AnswerSheet,
  AttemptScore,
  ChoicePart,
  PartAnswer,
  PartResult,
  QuizContent,
  ScoringPolicy,
  UploadPart,
} from './types.ts';

/** Manual grades of upload parts, keyed by gradeKey(questionId, part). */
export type ManualGrades = Record<string, number>;

/**
 * ALL_OR_NOTHING: a choice part earns its points iff the selected set equals the key set.
 * RIGHT_MINUS_WRONG (Canvas partial credit): each right selection earns points/|key|, each wrong one
 * costs the same, floored at 0; single-choice parts stay all-or-nothing.
 * Upload parts earn their manual grade, or 0 and `pending` while an uploaded file waits for one.
 * Questions or parts missing from the sheet earn 0.
 */
export function scoreAttempt(
  content: QuizContent,
  sheet: AnswerSheet,
  policy: ScoringPolicy = 'ALL_OR_NOTHING',
  manualGrades: ManualGrades = {},
): AttemptScore {
  checkGradeKeys(content, manualGrades);
  const results: PartResult[] = [];
  for (const question of content.questions) {
    question.parts.forEach((part, index) => {
      const answer = sheet[question.id]?.[String(index)];
      const where = gradeKey(question.id, index);
      const earned: Earned = question.fullCredit
        ? { points: part.points, correct: true, pending: false }
        : part.kind === 'choice'
          ? scoreChoice(part, answer, policy)
          : scoreUpload(part, answer, manualGrades[where], where);
      results.push({ questionId: question.id, part: index, maxPoints: part.points, ...earned });
    });
  }
  const score = roundPoints(results.reduce((sum, r) => sum + r.points, 0));
  const maxScore = roundPoints(results.reduce((sum, r) => sum + r.maxPoints, 0));
  return { score, maxScore, results };
}

type Earned = { points: number; correct: boolean; pending: boolean };

function scoreChoice(part: ChoicePart, answer: PartAnswer | undefined, policy: ScoringPolicy): Earned {
  const selected = new Set(answer?.kind === 'choice' ? answer.selected : []);
  const key = new Set(part.key);
  const right = [...selected].filter((id) => key.has(id)).length;
  const wrong = selected.size - right;
  const correct = wrong === 0 && right === key.size;
  if (policy === 'ALL_OR_NOTHING' || part.choose === 1) {
    return { points: correct ? part.points : 0, correct, pending: false };
  }
  const perOption = part.points / key.size;
  const points = Math.min(part.points, Math.max(0, (right - wrong) * perOption));
  return { points: roundPoints(points), correct, pending: false };
}

function scoreUpload(
  part: UploadPart,
  answer: PartAnswer | undefined,
  grade: number | undefined,
  where: string,
): Earned {
  if (grade === undefined) {
    // Nothing uploaded means nothing to grade: 0, final. An upload waits for a TA.
    return { points: 0, correct: false, pending: answer?.kind === 'upload' };
  }
  if (!Number.isFinite(grade) || grade < 0 || grade > part.points) {
    throw new RangeError(`Manual grade ${grade} for ${where} is outside [0, ${part.points}]`);
  }
  return { points: roundPoints(grade), correct: grade === part.points, pending: false };
}

// A grade for a part that is not an upload means the grades and the content disagree: refuse.
function checkGradeKeys(content: QuizContent, grades: ManualGrades): void {
  for (const key of Object.keys(grades)) {
    const [questionId, partText] = key.split(':');
    const question = content.questions.find((q) => q.id === questionId);
    const part = question?.parts[Number(partText)];
    if (!question || part === undefined || String(Number(partText)) !== partText) {
      throw new RangeError(`Manual grade ${key} names no part of quiz ${content.id}`);
    }
    if (part.kind !== 'upload') {
      throw new RangeError(`Manual grade ${key} is for a ${part.kind} part; only upload parts take grades`);
    }
  }
}
