import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  type AnalyzedAttempt,
  type AnswerSheet,
  analyzeItems,
  hw3Quiz,
  type ItemAnalysis,
  type QuizContent,
  scoreAttempt,
} from '../src/index.ts';
import { seededRandom, shuffled, smallQuiz } from './fixtures.ts';

// smallQuiz's choice parts: q01 (choose 1, key C), q02 (choose 3, key B C E), q03 (choose 2, key A D),
// q04 part 1 (choose 1, key D); q04 part 0 is an upload.
const quiz = smallQuiz();
const pick = (...selected: string[]) => ({ kind: 'choice' as const, selected });

function attempt(content: QuizContent, userId: string, sheet: AnswerSheet): AnalyzedAttempt {
  const { score, results } = scoreAttempt(content, sheet);
  return { userId, score, sheet, results };
}

function withKey(content: QuizContent, questionId: string, key: string[]): QuizContent {
  return {
    ...content,
    questions: content.questions.map((q) =>
      q.id !== questionId
        ? q
        : { ...q, parts: q.parts.map((p) => (p.kind === 'choice' ? { ...p, key } : p)) },
    ),
  };
}

const item = (analysis: ItemAnalysis, questionId: string) =>
  analysis.items.find((i) => i.questionId === questionId)!;
const flagCodes = (analysis: ItemAnalysis, questionId: string) =>
  item(analysis, questionId).flags.map((f) => f.code);

// Ten students; ranked s0 (1.75), s1 (1.5), s2 = s3 (1.0, s2 first by userId), s4..s7 (0.5), s8 = s9 (0).
const classSheets: Record<string, AnswerSheet> = {
  s0: {
    q01: { '0': pick('C') },
    q02: { '0': pick('B', 'C', 'E') },
    q03: { '0': pick('A', 'D') },
    q04: { '1': pick('D') },
  },
  s1: {
    q01: { '0': pick('C') },
    q02: { '0': pick('B', 'C', 'E') },
    q03: { '0': pick('A', 'D') },
    q04: { '1': pick('A') },
  },
  s2: { q01: { '0': pick('C') }, q02: { '0': pick('B', 'C', 'E') }, q03: { '0': pick('A', 'B') } },
  s3: { q01: { '0': pick('A') }, q02: { '0': pick('B', 'C', 'E') }, q03: { '0': pick('A', 'D') } },
  s4: { q01: { '0': pick('C') }, q02: { '0': pick('B', 'C') } },
  s5: { q01: { '0': pick('B') }, q02: { '0': pick('B', 'C', 'E') } },
  s6: { q01: { '0': pick('C') } },
  s7: { q01: { '0': pick('A') }, q03: { '0': pick('A', 'D') } },
  s8: { q01: { '0': pick('D') } },
  s9: {},
};
const classOf = (content: QuizContent) =>
  Object.entries(classSheets).map(([userId, sheet]) => attempt(content, userId, sheet));

describe('analyzeItems: a class of ten, by hand', () => {
  const analysis = analyzeItems(quiz, classOf(quiz));

  test('overall: students, mean, median, max; groups of round(27% of 10) = 3', () => {
    assert.equal(analysis.students, 10);
    assert.equal(analysis.mean, 0.725); // (1.75 + 1.5 + 1 + 1 + 4 × 0.5) / 10
    assert.equal(analysis.median, 0.5);
    assert.equal(analysis.max, 1.75);
    assert.equal(analysis.groupSize, 3);
  });

  test('one item per choice part, in content order; upload parts left out', () => {
    assert.deepEqual(
      analysis.items.map((i) => `${i.questionId}:${i.part}:${i.questionNumber}:${i.choose}`),
      ['q01:0:1:1', 'q02:0:2:3', 'q03:0:3:2', 'q04:1:4:1'],
    );
  });

  test('q01: p, upper/lower p, D, option distribution and no answer', () => {
    const q01 = item(analysis, 'q01');
    assert.equal(q01.correct, 5);
    assert.equal(q01.p, 0.5);
    assert.equal(q01.upperP, 1); // s0, s1, s2
    assert.equal(q01.lowerP, 0); // s7, s8, s9
    assert.equal(q01.discrimination, 1);
    assert.deepEqual(
      q01.options.map((o) => [o.optionId, o.isKey, o.count, o.share, o.upperCount, o.lowerCount]),
      [
        ['A', false, 2, 0.2, 0, 1],
        ['B', false, 1, 0.1, 0, 0],
        ['C', true, 5, 0.5, 3, 0],
        ['D', false, 1, 0.1, 0, 1],
      ],
    );
    assert.deepEqual(q01.noAnswer, { count: 1, share: 0.1 });
    assert.deepEqual(q01.flags, []);
  });

  test('q03 (choose two): a tie at the group boundary goes by userId (s2 is upper, s3 is not)', () => {
    const q03 = item(analysis, 'q03');
    assert.deepEqual(q03.key, ['A', 'D']);
    assert.equal(q03.p, 0.4);
    assert.equal(q03.upperP, 2 / 3); // s2 picked A, B
    assert.equal(q03.lowerP, 1 / 3); // s7
    assert.equal(q03.discrimination, 2 / 3 - 1 / 3);
    assert.deepEqual(
      q03.options.map((o) => [o.optionId, o.count, o.upperCount]),
      [
        ['A', 5, 3],
        ['B', 1, 1],
        ['C', 0, 0],
        ['D', 4, 2],
      ],
    );
    assert.deepEqual(q03.noAnswer, { count: 5, share: 0.5 });
    assert.deepEqual(q03.flags, []);
  });

  test('q04 part 1: p exactly 0.1 is not flagged too hard', () => {
    const q04 = item(analysis, 'q04');
    assert.equal(q04.part, 1);
    assert.equal(q04.p, 0.1);
    assert.deepEqual(q04.flags, []);
  });

  test('the order attempts arrive in does not matter', () => {
    const random = seededRandom(7);
    for (let round = 0; round < 5; round++) {
      assert.deepEqual(analyzeItems(quiz, shuffled(classOf(quiz), random)), analysis);
    }
  });
});

describe('analyzeItems: flags', () => {
  test('a wrong key (A instead of C) is flagged KEY_SUSPECT, naming the options; the right key is not', () => {
    const misKeyed = withKey(quiz, 'q01', ['A']);
    const analysis = analyzeItems(misKeyed, classOf(misKeyed));
    // Rescored with key A: upper group s3 (picked A), s0 and s1 (picked C).
    const q01 = item(analysis, 'q01');
    assert.deepEqual(
      q01.flags.map((f) => f.code),
      ['KEY_SUSPECT'],
    );
    assert.equal(
      q01.flags[0]!.message.en,
      'The top group chose C (2) more often than the key A (1): check the key',
    );
    assert.equal(q01.flags[0]!.message['zh-TW'], '高分組選 C (2) 的人數多於正解 A (1)：請檢查答案');
    assert.ok(!flagCodes(analyzeItems(quiz, classOf(quiz)), 'q01').includes('KEY_SUSPECT'));
  });

  test('a simulated HW3 class: a mis-keyed q05 is flagged KEY_SUSPECT and NEGATIVE_DISCRIMINATION', () => {
    // 80 students of varying ability answer every HW3 choice part: right with probability = ability,
    // else one random option. q05's true answer is D; the quiz is then keyed B by mistake.
    const random = seededRandom(2024);
    const sheets = Array.from({ length: 80 }, (_, i) => {
      const ability = i / 79;
      const sheet: AnswerSheet = {};
      for (const q of hw3Quiz.questions) {
        q.parts.forEach((part, index) => {
          if (part.kind !== 'choice') return;
          const guess = [part.options[Math.floor(random() * part.options.length)]!.id];
          sheet[q.id] = { ...sheet[q.id], [String(index)]: pick(...(random() < ability ? part.key : guess)) };
        });
      }
      return [`u${String(i).padStart(2, '0')}`, sheet] as const;
    });
    const analyze = (content: QuizContent) =>
      analyzeItems(
        content,
        sheets.map(([userId, sheet]) => attempt(content, userId, sheet)),
      );

    const misKeyed = analyze(withKey(hw3Quiz, 'q05', ['B']));
    assert.equal(misKeyed.groupSize, 22); // round(0.27 × 80)
    assert.deepEqual(flagCodes(misKeyed, 'q05'), ['KEY_SUSPECT', 'NEGATIVE_DISCRIMINATION']);
    assert.match(
      item(misKeyed, 'q05').flags[0]!.message.en,
      /chose D \(\d+\)(, [A-E] \(\d+\))* more often than the key B \(\d+\)/,
    );
    assert.match(item(misKeyed, 'q05').flags[1]!.message['zh-TW'], /鑑別度為 -0\.\d\d/);

    const rightKey = analyze(hw3Quiz);
    assert.deepEqual(flagCodes(rightKey, 'q05'), []);
    assert.ok(item(rightKey, 'q05').discrimination! > 0.3);
    assert.ok(rightKey.items.every((i) => !i.flags.some((f) => f.code === 'KEY_SUSPECT')));
  });

  test('choose-N: a distractor the top group picks more than one key option is suspect', () => {
    // Key A, D; the three top students pick A and C.
    const sheets: [string, AnswerSheet][] = [
      ['a', { q01: { '0': pick('C') }, q02: { '0': pick('B', 'C', 'E') }, q03: { '0': pick('A', 'C') } }],
      ['b', { q01: { '0': pick('C') }, q02: { '0': pick('B', 'C', 'E') }, q03: { '0': pick('A', 'C') } }],
      ['c', { q01: { '0': pick('C') }, q03: { '0': pick('A', 'C') } }],
      ['d', { q03: { '0': pick('A', 'D') } }],
      ['e', { q03: { '0': pick('B') } }],
      ['f', { q03: { '0': pick('D') } }],
      ['g', {}],
      ['h', {}],
      ['i', {}],
      ['j', {}],
    ];
    const analysis = analyzeItems(
      quiz,
      sheets.map(([userId, sheet]) => attempt(quiz, userId, sheet)),
    );
    const q03 = item(analysis, 'q03');
    assert.deepEqual(
      q03.flags.map((f) => f.code),
      ['KEY_SUSPECT'],
    );
    assert.equal(
      q03.flags[0]!.message.en,
      'The top group chose C (3) more often than the key D (0): check the key',
    );
  });

  test('TOO_EASY above 95% right, TOO_HARD below 10%, NEGATIVE_DISCRIMINATION when D < 0', () => {
    // 21 students: all but one get q01 right (p = 20/21 > 0.95); q02 right only for the lowest
    // scorer (p = 1/21 < 0.1, and the lower group beats the upper one).
    const sheets = Array.from({ length: 21 }, (_, i): [string, AnswerSheet] => {
      const userId = `u${String(i).padStart(2, '0')}`;
      const strength: AnswerSheet = i < 10 ? { q04: { '1': pick('D') } } : {};
      if (i === 20) return [userId, { q01: { '0': pick('A') }, q02: { '0': pick('B', 'C', 'E') } }];
      return [userId, { q01: { '0': pick('C') }, ...strength }];
    });
    const analysis = analyzeItems(
      quiz,
      sheets.map(([userId, sheet]) => attempt(quiz, userId, sheet)),
    );
    assert.deepEqual(flagCodes(analysis, 'q01'), ['TOO_EASY']);
    assert.equal(item(analysis, 'q01').flags[0]!.message.en, '95% answered correctly: very easy');
    assert.deepEqual(flagCodes(analysis, 'q02'), ['NEGATIVE_DISCRIMINATION', 'TOO_HARD']);
    assert.equal(item(analysis, 'q02').flags[1]!.message['zh-TW'], '答對率僅 5%：過難');
    assert.deepEqual(flagCodes(analysis, 'q03'), ['TOO_HARD']); // nobody
  });

  test('p exactly 0.95 is not too easy', () => {
    const sheets = Array.from({ length: 20 }, (_, i): [string, AnswerSheet] => [
      `u${i}`,
      { q01: { '0': pick(i === 0 ? 'A' : 'C') } },
    ]);
    const analysis = analyzeItems(
      quiz,
      sheets.map(([userId, sheet]) => attempt(quiz, userId, sheet)),
    );
    assert.equal(item(analysis, 'q01').p, 0.95);
    assert.ok(!flagCodes(analysis, 'q01').includes('TOO_EASY'));
  });
});

describe('analyzeItems: small and odd inputs', () => {
  test('no students: nulls, zero counts, no flags', () => {
    const analysis = analyzeItems(quiz, []);
    assert.deepEqual(
      { ...analysis, items: undefined },
      { students: 0, mean: null, median: null, max: null, groupSize: 0, items: undefined },
    );
    for (const i of analysis.items) {
      assert.equal(i.p, null);
      assert.equal(i.discrimination, null);
      assert.deepEqual(i.noAnswer, { count: 0, share: 0 });
      assert.ok(i.options.every((o) => o.count === 0 && o.share === 0));
      assert.deepEqual(i.flags, []);
    }
  });

  test('one student: no groups, no discrimination, p is 0 or 1', () => {
    const analysis = analyzeItems(quiz, [attempt(quiz, 'solo', { q01: { '0': pick('C') } })]);
    assert.equal(analysis.students, 1);
    assert.equal(analysis.groupSize, 0);
    assert.deepEqual([analysis.mean, analysis.median, analysis.max], [0.5, 0.5, 0.5]);
    const q01 = item(analysis, 'q01');
    assert.deepEqual([q01.p, q01.upperP, q01.lowerP, q01.discrimination], [1, null, null, null]);
    assert.deepEqual(
      q01.flags.map((f) => f.code),
      ['TOO_EASY'],
    );
    assert.deepEqual(flagCodes(analysis, 'q02'), ['TOO_HARD']);
  });

  test('group size: 27% rounded, at least 1, at most half the class', () => {
    const sizes = [2, 3, 4, 5, 6, 10, 100].map((n) => {
      const attempts = Array.from({ length: n }, (_, i) => attempt(quiz, `u${i}`, {}));
      return analyzeItems(quiz, attempts).groupSize;
    });
    assert.deepEqual(sizes, [1, 1, 1, 1, 2, 3, 27]);
  });

  test('median of an even class is the mean of the middle two', () => {
    const attempts = [
      attempt(quiz, 'a', { q01: { '0': pick('C') } }),
      attempt(quiz, 'b', { q01: { '0': pick('C') }, q02: { '0': pick('B', 'C', 'E') } }),
      attempt(quiz, 'c', {}),
      attempt(quiz, 'd', { q04: { '1': pick('D') } }),
    ];
    const analysis = analyzeItems(quiz, attempts); // scores 0.5, 1, 0, 0.25
    assert.deepEqual([analysis.mean, analysis.median, analysis.max], [0.4375, 0.375, 1]);
  });

  test('selections of options the part lacks are ignored (a student with only those has no answer)', () => {
    const analysis = analyzeItems(quiz, [
      attempt(quiz, 'x', {}),
      { ...attempt(quiz, 'y', {}), sheet: { q01: { '0': pick('Z') } } },
    ]);
    const q01 = item(analysis, 'q01');
    assert.deepEqual(q01.noAnswer, { count: 2, share: 1 });
    assert.deepEqual(
      q01.options.map((o) => o.count),
      [0, 0, 0, 0],
    );
  });

  test('refuses two attempts of one student and a score that is not a number', () => {
    assert.throws(
      () => analyzeItems(quiz, [attempt(quiz, 'dup', {}), attempt(quiz, 'dup', {})]),
      /dup has more than one attempt/,
    );
    assert.throws(
      () => analyzeItems(quiz, [{ ...attempt(quiz, 'x', {}), score: Number.NaN }]),
      /x has score NaN/,
    );
  });

  test('runs over the real HW3 quiz: one item per choice part', () => {
    const random = seededRandom(3);
    const attempts = Array.from({ length: 30 }, (_, i) => {
      const sheet: AnswerSheet = {};
      for (const q of hw3Quiz.questions) {
        q.parts.forEach((part, index) => {
          if (part.kind !== 'choice') return;
          const selected =
            random() < 0.6 ? part.key : [part.options[Math.floor(random() * part.options.length)]!.id];
          sheet[q.id] = { ...sheet[q.id], [String(index)]: pick(...selected) };
        });
      }
      return attempt(hw3Quiz, `u${i}`, sheet);
    });
    const analysis = analyzeItems(hw3Quiz, attempts);
    const choiceParts = hw3Quiz.questions.flatMap((q) => q.parts.filter((p) => p.kind === 'choice'));
    assert.equal(analysis.items.length, choiceParts.length);
    assert.equal(analysis.groupSize, 8);
    for (const i of analysis.items) {
      assert.ok(i.p !== null && i.p >= 0 && i.p <= 1);
      assert.equal(i.options.reduce((sum, o) => sum + o.count, 0) + i.noAnswer.count >= 30, true);
    }
  });
});
