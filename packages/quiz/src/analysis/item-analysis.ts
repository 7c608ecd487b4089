// Classical item analysis of the choice parts for the TA console: difficulty, option distribution,
// upper/lower 27% discrimination, and flags for items worth a second look (a key that may be wrong).
import { roundPoints } from '../points.ts';
import type { AnswerSheet, ChoicePart, LocalizedText, PartResult, QuizContent } from '../types.ts';

/** One student's attempt; pass each student's best attempt, once. */
export type AnalyzedAttempt = { userId: string; score: number; sheet: AnswerSheet; results: PartResult[] };

export type ItemFlagCode = 'KEY_SUSPECT' | 'NEGATIVE_DISCRIMINATION' | 'TOO_EASY' | 'TOO_HARD';
export type ItemFlag = { code: ItemFlagCode; message: LocalizedText };

export type OptionStats = {
  optionId: string;
  isKey: boolean;
  /** Students who selected this option, and as a share of all students (choose-N shares add past 1). */
  count: number;
  share: number;
  /** Of the upper and lower groups, how many selected it. */
  upperCount: number;
  lowerCount: number;
};

export type ItemStats = {
  questionId: string;
  questionNumber: number;
  part: number;
  choose: number;
  key: string[];
  /** Students whose answer was right (the part's PartResult `correct`). */
  correct: number;
  /** Difficulty index: the share of students who got it right, 0..1 (null with no students). */
  p: number | null;
  /** Share right in the upper and lower groups, and D = upperP − lowerP (null without groups). */
  upperP: number | null;
  lowerP: number | null;
  discrimination: number | null;
  options: OptionStats[];
  /** Students who selected nothing. */
  noAnswer: { count: number; share: number };
  flags: ItemFlag[];
};

export type ItemAnalysis = {
  students: number;
  /** Of the students' scores; null with no students. */
  mean: number | null;
  median: number | null;
  max: number | null;
  /** Students in each of the upper and lower groups: 27% of the class, at least 1, at most half. */
  groupSize: number;
  items: ItemStats[];
};

export const GROUP_FRACTION = 0.27;
export const TOO_EASY_ABOVE = 0.95;
export const TOO_HARD_BELOW = 0.1;

/**
 * Analyzes every choice part (upload parts are graded by hand and left out). Groups: students are
 * ranked by score, highest first, ties broken by userId in code-point order, so the same data always
 * gives the same groups; the upper group is the first `groupSize`, the lower the last. A single
 * student has no groups. Right or wrong comes from the attempt's PartResult `correct` (so regrade
 * attempts after a key change; a part with no result counts as wrong); the option counts come from the
 * sheet, and selections of options the part does not have are ignored.
 */
export function analyzeItems(content: QuizContent, attempts: AnalyzedAttempt[]): ItemAnalysis {
  const seen = new Set<string>();
  for (const a of attempts) {
    if (!Number.isFinite(a.score)) throw new RangeError(`Item analysis: ${a.userId} has score ${a.score}`);
    if (seen.has(a.userId)) throw new RangeError(`Item analysis: ${a.userId} has more than one attempt`);
    seen.add(a.userId);
  }
  const ranked = [...attempts].sort(
    (a, b) => b.score - a.score || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0),
  );
  const n = ranked.length;
  const groupSize = n < 2 ? 0 : Math.min(Math.floor(n / 2), Math.max(1, Math.round(GROUP_FRACTION * n)));
  const upper = ranked.slice(0, groupSize);
  const lower = ranked.slice(n - groupSize);

  const items: ItemStats[] = [];
  for (const question of content.questions) {
    question.parts.forEach((part, index) => {
      if (part.kind !== 'choice') return;
      const where = { questionId: question.id, questionNumber: question.number, part: index };
      items.push(analyzePart(part, where, ranked, upper, lower));
    });
  }
  const scores = ranked.map((a) => a.score);
  return { students: n, ...summary(scores), groupSize, items };
}

type Where = { questionId: string; questionNumber: number; part: number };

function analyzePart(
  part: ChoicePart,
  where: Where,
  all: AnalyzedAttempt[],
  upper: AnalyzedAttempt[],
  lower: AnalyzedAttempt[],
): ItemStats {
  const selected = (a: AnalyzedAttempt) => {
    const answer = a.sheet[where.questionId]?.[String(where.part)];
    return new Set(answer?.kind === 'choice' ? answer.selected : []);
  };
  const isCorrect = (a: AnalyzedAttempt) =>
    a.results.some((r) => r.questionId === where.questionId && r.part === where.part && r.correct);
  const countSelecting = (group: AnalyzedAttempt[], optionId: string) =>
    group.filter((a) => selected(a).has(optionId)).length;
  const share = (count: number, of: number) => (of === 0 ? 0 : count / of);
  const pOf = (group: AnalyzedAttempt[]) =>
    group.length === 0 ? null : group.filter(isCorrect).length / group.length;

  const n = all.length;
  const options = part.options.map((option): OptionStats => {
    const count = countSelecting(all, option.id);
    return {
      optionId: option.id,
      isKey: part.key.includes(option.id),
      count,
      share: share(count, n),
      upperCount: countSelecting(upper, option.id),
      lowerCount: countSelecting(lower, option.id),
    };
  });
  const noAnswer = all.filter(
    (a) => ![...selected(a)].some((id) => part.options.some((o) => o.id === id)),
  ).length;
  const p = pOf(all);
  const upperP = pOf(upper);
  const lowerP = pOf(lower);
  const discrimination = upperP === null || lowerP === null ? null : upperP - lowerP;
  const stats = {
    ...where,
    choose: part.choose,
    key: [...part.key],
    correct: all.filter(isCorrect).length,
    p,
    upperP,
    lowerP,
    discrimination,
    options,
    noAnswer: { count: noAnswer, share: share(noAnswer, n) },
  };
  return { ...stats, flags: flagsOf(stats) };
}

function flagsOf(item: Omit<ItemStats, 'flags'>): ItemFlag[] {
  const flags: ItemFlag[] = [];
  const suspect = keySuspicion(item.options);
  if (suspect) {
    const list = (options: OptionStats[]) => options.map((o) => `${o.optionId} (${o.upperCount})`).join(', ');
    const chosen = list(suspect.distractors);
    const keys = list(suspect.keys);
    flags.push({
      code: 'KEY_SUSPECT',
      message: {
        en: `The top group chose ${chosen} more often than the key ${keys}: check the key`,
        'zh-TW': `高分組選 ${chosen} 的人數多於正解 ${keys}：請檢查答案`,
      },
    });
  }
  const d = item.discrimination;
  if (d !== null && d < 0) {
    const shown = d.toFixed(2);
    flags.push({
      code: 'NEGATIVE_DISCRIMINATION',
      message: {
        en: `Discrimination is ${shown}: the bottom group did better than the top group`,
        'zh-TW': `鑑別度為 ${shown}：低分組答對率高於高分組`,
      },
    });
  }
  const percent = item.p === null ? '' : `${Math.round(item.p * 100)}%`;
  if (item.p !== null && item.p > TOO_EASY_ABOVE) {
    flags.push({
      code: 'TOO_EASY',
      message: { en: `${percent} answered correctly: very easy`, 'zh-TW': `答對率 ${percent}：過於簡單` },
    });
  }
  if (item.p !== null && item.p < TOO_HARD_BELOW) {
    flags.push({
      code: 'TOO_HARD',
      message: { en: `Only ${percent} answered correctly: very hard`, 'zh-TW': `答對率僅 ${percent}：過難` },
    });
  }
  return flags;
}

// Choose-1 or choose-N alike: a non-key option the top group picked more often than some key option.
// Reports those distractors, most chosen first, and the key options they beat.
function keySuspicion(options: OptionStats[]): { distractors: OptionStats[]; keys: OptionStats[] } | null {
  const keys = options.filter((o) => o.isKey);
  if (keys.length === 0) return null;
  const weakestKey = Math.min(...keys.map((o) => o.upperCount));
  const distractors = options
    .filter((o) => !o.isKey && o.upperCount > weakestKey)
    .sort((a, b) => b.upperCount - a.upperCount);
  if (distractors.length === 0) return null;
  const strongest = Math.max(...distractors.map((o) => o.upperCount));
  return { distractors, keys: keys.filter((o) => o.upperCount < strongest) };
}

function summary(scores: number[]): { mean: number | null; median: number | null; max: number | null } {
  if (scores.length === 0) return { mean: null, median: null, max: null };
  const ascending = [...scores].sort((a, b) => a - b);
  const middle = Math.floor(ascending.length / 2);
  const median =
    ascending.length % 2 === 1 ? ascending[middle]! : (ascending[middle - 1]! + ascending[middle]!) / 2;
  const mean = scores.reduce((sum, s) => sum + s, 0) / scores.length;
  return { mean: roundPoints(mean), median: roundPoints(median), max: ascending.at(-1)! };
}
