import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  type AnswerSheet,
  hw3Quiz,
  type QuizContent,
  roundPoints,
  type ScoringPolicy,
  scoreAttempt,
} from '../src/index.ts';
import { seededRandom, shuffled, smallQuiz, t, UPLOAD_ID } from './fixtures.ts';

const quiz = smallQuiz();
const choice = (...selected: string[]) => ({ kind: 'choice' as const, selected });
const pointsOf = (sheet: AnswerSheet, policy: ScoringPolicy, questionId: string, part = 0) =>
  scoreAttempt(quiz, sheet, policy).results.find((r) => r.questionId === questionId && r.part === part)!
    .points;

describe('ALL_OR_NOTHING', () => {
  test('a part earns its points only when the selected set equals the key', () => {
    assert.equal(pointsOf({ q02: { '0': choice('B', 'C', 'E') } }, 'ALL_OR_NOTHING', 'q02'), 0.5);
    assert.equal(pointsOf({ q02: { '0': choice('E', 'B', 'C') } }, 'ALL_OR_NOTHING', 'q02'), 0.5);
    assert.equal(pointsOf({ q02: { '0': choice('B', 'C') } }, 'ALL_OR_NOTHING', 'q02'), 0);
    assert.equal(pointsOf({ q02: { '0': choice('B', 'C', 'E', 'A') } }, 'ALL_OR_NOTHING', 'q02'), 0);
    assert.equal(pointsOf({ q01: { '0': choice('C') } }, 'ALL_OR_NOTHING', 'q01'), 0.5);
    assert.equal(pointsOf({ q01: { '0': choice('A') } }, 'ALL_OR_NOTHING', 'q01'), 0);
  });

  test('is the default policy', () => {
    const sheet = { q02: { '0': choice('B', 'C') } };
    assert.deepEqual(scoreAttempt(quiz, sheet), scoreAttempt(quiz, sheet, 'ALL_OR_NOTHING'));
  });

  test('an empty sheet scores 0 out of the sum of all parts, one result per part in content order', () => {
    const score = scoreAttempt(quiz, {});
    assert.equal(score.score, 0);
    assert.equal(score.maxScore, 2);
    assert.deepEqual(
      score.results.map((r) => `${r.questionId}:${r.part}`),
      ['q01:0', 'q02:0', 'q03:0', 'q04:0', 'q04:1'],
    );
    assert.ok(score.results.every((r) => !r.correct && !r.pending));
  });

  test('repeated selections count once; answers of the wrong kind and unknown questions earn nothing', () => {
    assert.equal(pointsOf({ q01: { '0': choice('C', 'C') } }, 'ALL_OR_NOTHING', 'q01'), 0.5);
    assert.equal(
      pointsOf({ q01: { '0': { kind: 'upload', uploadId: UPLOAD_ID } } }, 'ALL_OR_NOTHING', 'q01'),
      0,
    );
    assert.equal(scoreAttempt(quiz, { q99: { '0': choice('A') } }).score, 0);
  });
});

describe('RIGHT_MINUS_WRONG', () => {
  const q02 = (...selected: string[]) =>
    pointsOf({ q02: { '0': choice(...selected) } }, 'RIGHT_MINUS_WRONG', 'q02');

  test('each right selection earns points/|key| and each wrong one costs as much (key B, C, E of 0.5)', () => {
    assert.equal(q02('B', 'C', 'E'), 0.5);
    assert.equal(q02('B', 'C'), 0.3333);
    assert.equal(q02('B'), 0.1667);
    assert.equal(q02('B', 'C', 'A'), 0.1667);
    assert.equal(q02('A', 'B', 'C', 'D', 'E'), 0.1667);
    assert.equal(q02('B', 'C', 'E', 'A'), 0.3333);
    assert.equal(q02(), 0);
  });

  test('is floored at 0', () => {
    assert.equal(q02('A', 'D', 'B'), 0);
    assert.equal(q02('A', 'D'), 0);
  });

  test('marks only the exact key as correct', () => {
    const results = scoreAttempt(quiz, { q02: { '0': choice('B', 'C') } }, 'RIGHT_MINUS_WRONG').results;
    assert.equal(results[1]!.correct, false);
    assert.equal(results[1]!.points, 0.3333);
  });

  test('choose-2: half for one right answer, nothing for one right and one wrong', () => {
    const q03 = (...selected: string[]) =>
      pointsOf({ q03: { '0': choice(...selected) } }, 'RIGHT_MINUS_WRONG', 'q03');
    assert.equal(q03('A'), 0.25);
    assert.equal(q03('A', 'B'), 0);
    assert.equal(q03('A', 'D', 'B'), 0.25);
    assert.equal(q03('D', 'A'), 0.5);
  });

  test('single choice stays all-or-nothing', () => {
    assert.equal(pointsOf({ q01: { '0': choice('C') } }, 'RIGHT_MINUS_WRONG', 'q01'), 0.5);
    assert.equal(pointsOf({ q01: { '0': choice('A') } }, 'RIGHT_MINUS_WRONG', 'q01'), 0);
    assert.equal(pointsOf({ q04: { '1': choice('D') } }, 'RIGHT_MINUS_WRONG', 'q04', 1), 0.25);
  });
});

describe('upload parts', () => {
  const uploaded: AnswerSheet = { q04: { '0': { kind: 'upload', uploadId: UPLOAD_ID } } };
  const uploadResult = (sheet: AnswerSheet, grades?: Record<string, number>) =>
    scoreAttempt(quiz, sheet, 'ALL_OR_NOTHING', grades).results.find(
      (r) => r.questionId === 'q04' && r.part === 0,
    )!;

  test('an uploaded file earns 0 and stays pending until a TA grades it', () => {
    assert.deepEqual(uploadResult(uploaded), {
      questionId: 'q04',
      part: 0,
      points: 0,
      maxPoints: 0.25,
      correct: false,
      pending: true,
    });
  });

  test('nothing uploaded: 0, and nothing is pending', () => {
    assert.equal(uploadResult({}).pending, false);
    assert.equal(uploadResult({}).points, 0);
  });

  test('a manual grade replaces the pending 0; correct means full points', () => {
    assert.deepEqual(uploadResult(uploaded, { 'q04:0': 0.25 }), {
      questionId: 'q04',
      part: 0,
      points: 0.25,
      maxPoints: 0.25,
      correct: true,
      pending: false,
    });
    const partial = uploadResult(uploaded, { 'q04:0': 0.1 });
    assert.equal(partial.points, 0.1);
    assert.equal(partial.correct, false);
    assert.equal(uploadResult(uploaded, { 'q04:0': 0 }).pending, false);
  });

  test('a grade outside [0, points] throws', () => {
    for (const grade of [0.26, -0.01, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(() => uploadResult(uploaded, { 'q04:0': grade }), /outside \[0, 0\.25\]/);
    }
  });

  test('a grade for a choice part or a part that does not exist throws', () => {
    assert.throws(() => uploadResult(uploaded, { 'q04:1': 0.25 }), /only upload parts take grades/);
    assert.throws(() => uploadResult(uploaded, { 'q04:2': 0.25 }), /names no part/);
    assert.throws(() => uploadResult(uploaded, { 'q99:0': 0.25 }), /names no part/);
    assert.throws(() => uploadResult(uploaded, { 'q04:00': 0.25 }), /names no part/);
  });
});

describe('rounding', () => {
  test('sums are rounded to 4 decimals', () => {
    assert.equal(roundPoints(0.1 + 0.2), 0.3);
    assert.equal(roundPoints(2 / 3), 0.6667);
    assert.ok(Object.is(roundPoints(-0.00001), 0));
  });

  test('a hundred parts of 0.1 add up to exactly 10', () => {
    const question = (n: number) => ({
      id: `q${String(n).padStart(3, '0')}`,
      number: n,
      section: 'paper' as const,
      stem: t('?'),
      parts: [
        { kind: 'choice' as const, choose: 1, options: [{ id: 'A', text: t('a') }], points: 0.1, key: ['A'] },
      ],
      explanation: t('.'),
    });
    const content: QuizContent = { id: 'tenths', title: t('tenths'), questions: [] };
    const sheet: AnswerSheet = {};
    for (let n = 1; n <= 100; n++) {
      const q = question(n);
      content.questions.push(q);
      sheet[q.id] = { '0': choice('A') };
    }
    assert.notEqual(
      Array.from({ length: 100 }, () => 0.1).reduce((a, b) => a + b),
      10,
    );
    assert.deepEqual([scoreAttempt(content, sheet).score, scoreAttempt(content, sheet).maxScore], [10, 10]);
  });
});

describe('properties over random sheets', () => {
  const policies: ScoringPolicy[] = ['ALL_OR_NOTHING', 'RIGHT_MINUS_WRONG'];

  function randomSheet(random: () => number): AnswerSheet {
    const sheet: AnswerSheet = {};
    for (const question of quiz.questions) {
      if (random() < 0.2) continue;
      const answers: AnswerSheet[string] = {};
      question.parts.forEach((part, index) => {
        if (part.kind === 'upload') {
          if (random() < 0.5) answers[String(index)] = { kind: 'upload', uploadId: UPLOAD_ID };
          return;
        }
        answers[String(index)] = choice(...part.options.map((o) => o.id).filter(() => random() < 0.4));
      });
      sheet[question.id] = answers;
    }
    return sheet;
  }

  test('scores stay within [0, max], per part and in total, and selection order never matters', () => {
    const random = seededRandom(2026);
    for (let i = 0; i < 500; i++) {
      const sheet = randomSheet(random);
      const reordered: AnswerSheet = structuredClone(sheet);
      for (const answers of Object.values(reordered)) {
        for (const answer of Object.values(answers)) {
          if (answer.kind === 'choice') answer.selected = shuffled(answer.selected, random);
        }
      }
      for (const policy of policies) {
        const score = scoreAttempt(quiz, sheet, policy);
        assert.ok(score.score >= 0 && score.score <= score.maxScore, JSON.stringify(sheet));
        for (const r of score.results) assert.ok(r.points >= 0 && r.points <= r.maxPoints);
        assert.deepEqual(scoreAttempt(quiz, reordered, policy), score);
      }
    }
  });

  test('partial credit never gives less than all-or-nothing, and full points exactly when correct', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 500; i++) {
      const sheet = randomSheet(random);
      const strict = scoreAttempt(quiz, sheet, 'ALL_OR_NOTHING').results;
      const partial = scoreAttempt(quiz, sheet, 'RIGHT_MINUS_WRONG').results;
      strict.forEach((s, k) => {
        const p = partial[k]!;
        assert.ok(p.points >= s.points);
        assert.equal(p.correct, s.correct);
        if (quiz.questions.find((q) => q.id === s.questionId)!.parts[s.part]!.kind === 'choice') {
          assert.equal(s.correct, s.points === s.maxPoints);
          assert.equal(p.correct, p.points === p.maxPoints);
        }
      });
    }
  });
});

test('a question marked full credit gives every part its points, whatever was answered', () => {
  const content = structuredClone(hw3Quiz);
  content.questions[0]!.fullCredit = true;
  content.questions[17]!.fullCredit = true;
  const empty = scoreAttempt(content, {});
  assert.equal(empty.score, 1, 'q01 (0.5) and both parts of q18 (0.25 + 0.25)');
  assert.ok(empty.results.filter((r) => r.questionId === 'q18').every((r) => r.correct && !r.pending));
});
