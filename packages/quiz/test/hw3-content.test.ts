import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  type AnswerSheet,
  checkAnswerSheet,
  chooseLabel,
  hw3Quiz,
  LOCALES,
  type ScoringPolicy,
  scoreAttempt,
  studentView,
  validateQuizContent,
} from '../src/index.ts';
import { seededRandom, shuffled, UPLOAD_ID } from './fixtures.ts';

// From the handout: "(應選N項)" per question, and how many options each lists.
const CHOOSE = [1, 3, 4, 2, 1, 1, 3, 3, 2, 3, 1, 1, 2, 1, 2, 1, 1, 1, 1, 1];
const OPTION_COUNTS = [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4];
// From the staff answer key; Q16 and Q17 are computed (see flash-attention-io.test.ts).
const KEYS: Record<string, string[]> = {
  q01: ['C'],
  q02: ['B', 'C', 'E'],
  q03: ['A', 'B', 'C', 'D'],
  q04: ['A', 'D'],
  q05: ['D'],
  q06: ['E'],
  q07: ['B', 'C', 'E'],
  q08: ['A', 'C', 'E'],
  q09: ['B', 'C'],
  q10: ['A', 'B', 'E'],
  q11: ['B'],
  q12: ['A'],
  q13: ['B', 'C'],
  q14: ['D'],
  q15: ['B', 'C'],
  q18: ['D'],
  q19: ['C'],
  q20: ['A'],
};

const choiceParts = (question: (typeof hw3Quiz.questions)[number]) =>
  question.parts.flatMap((part, index) => (part.kind === 'choice' ? [{ part, index }] : []));

function keySheet(): AnswerSheet {
  const sheet: AnswerSheet = {};
  for (const question of hw3Quiz.questions) {
    sheet[question.id] = {};
    question.parts.forEach((part, index) => {
      sheet[question.id]![String(index)] =
        part.kind === 'choice'
          ? { kind: 'choice', selected: [...part.key] }
          : { kind: 'upload', uploadId: UPLOAD_ID };
    });
  }
  return sheet;
}

function allTexts(): { where: string; zh: string; en: string }[] {
  const out = [{ where: 'title', zh: hw3Quiz.title['zh-TW'], en: hw3Quiz.title.en }];
  for (const q of hw3Quiz.questions) {
    out.push({ where: `${q.id}.stem`, zh: q.stem['zh-TW'], en: q.stem.en });
    out.push({ where: `${q.id}.explanation`, zh: q.explanation['zh-TW'], en: q.explanation.en });
    q.parts.forEach((part, p) => {
      if (part.prompt)
        out.push({ where: `${q.id}.parts[${p}].prompt`, zh: part.prompt['zh-TW'], en: part.prompt.en });
      if (part.kind === 'choice') {
        for (const o of part.options)
          out.push({ where: `${q.id}.parts[${p}].${o.id}`, zh: o.text['zh-TW'], en: o.text.en });
      }
    });
  }
  return out;
}

describe('HW3 content', () => {
  test('passes validateQuizContent', () => {
    const result = validateQuizContent(hw3Quiz);
    assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.issues, null, 2));
  });

  test('20 questions q01..q20: Q1–Q10 paper, Q11–Q20 coding, 0.5 points each', () => {
    assert.deepEqual(
      hw3Quiz.questions.map((q) => q.id),
      Array.from({ length: 20 }, (_, i) => `q${String(i + 1).padStart(2, '0')}`),
    );
    for (const q of hw3Quiz.questions) {
      assert.equal(q.section, q.number <= 10 ? 'paper' : 'coding', q.id);
      assert.equal(
        q.parts.reduce((sum, part) => sum + part.points, 0),
        0.5,
        q.id,
      );
    }
  });

  test('choose counts and option counts follow the handout', () => {
    hw3Quiz.questions.forEach((q, i) => {
      const [only, ...rest] = choiceParts(q);
      assert.equal(rest.length, 0, `${q.id} has one choice part`);
      assert.equal(only!.part.choose, CHOOSE[i], q.id);
      assert.equal(only!.part.options.length, OPTION_COUNTS[i], q.id);
    });
  });

  test('Q18–Q20: a 0.25 upload (the screenshot) then a 0.25 single choice', () => {
    for (const q of hw3Quiz.questions.slice(17)) {
      assert.deepEqual(
        q.parts.map((p) => [p.kind, p.points]),
        [
          ['upload', 0.25],
          ['choice', 0.25],
        ],
      );
      assert.match(q.parts[0]!.prompt!.en, /screenshot/);
      assert.match(q.parts[0]!.prompt!['zh-TW'], /截圖/);
      assert.ok(q.parts[1]!.prompt, `${q.id} choice part has its own prompt`);
    }
  });

  test('keys are the staff answer key', () => {
    for (const [id, key] of Object.entries(KEYS)) {
      const question = hw3Quiz.questions.find((q) => q.id === id)!;
      assert.deepEqual(choiceParts(question)[0]!.part.key, key, id);
    }
  });

  test('every explanation opens with its key in both languages', () => {
    for (const q of hw3Quiz.questions) {
      const key = choiceParts(q)[0]!.part.key;
      const zh = q.explanation['zh-TW'].split('\n')[0]!;
      const en = q.explanation.en.split('\n')[0]!;
      assert.match(zh, /答案是/, q.id);
      assert.match(en, /answer/, q.id);
      for (const id of key) {
        assert.match(zh, new RegExp(`\\b${id}\\b`), `${q.id} zh explanation names ${id}`);
        assert.match(en, new RegExp(`\\b${id}\\b`), `${q.id} en explanation names ${id}`);
      }
    }
  });

  test('text is clean Markdown: no choose labels, balanced $ and code fences, language where expected', () => {
    const cjk = /[\u4e00-\u9fff]/;
    for (const { where, zh, en } of allTexts()) {
      for (const [locale, text] of [
        ['zh-TW', zh],
        ['en', en],
      ] as const) {
        assert.doesNotMatch(text, /^\s*\((應選|Choose)/, `${where}.${locale} repeats the choose label`);
        assert.equal(text.split('```').length % 2, 1, `${where}.${locale} has an open code fence`);
        const outsideCode = text.replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '');
        assert.equal(
          (outsideCode.match(/\$/g) ?? []).length % 2,
          0,
          `${where}.${locale} has an unbalanced $`,
        );
        assert.doesNotMatch(outsideCode, / {2}\$|\$ {2}/, `${where}.${locale} has doubled spaces around $`);
        assert.equal(text, text.trim(), `${where}.${locale} has leading or trailing whitespace`);
      }
      if (zh !== en) assert.match(zh, cjk, `${where}: the zh-TW text has Chinese`);
      assert.doesNotMatch(en, cjk, `${where}: the English text has Chinese characters`);
    }
  });

  test('chooseLabel renders the handout labels', () => {
    assert.deepEqual(
      [1, 2, 3, 4].map((n) => LOCALES.map((locale) => chooseLabel(n, locale))),
      [
        ['(應選一項)', '(Choose one)'],
        ['(應選兩項)', '(Choose two)'],
        ['(應選三項)', '(Choose three)'],
        ['(應選四項)', '(Choose four)'],
      ],
    );
  });
});

describe('HW3 scoring', () => {
  const policies: ScoringPolicy[] = ['ALL_OR_NOTHING', 'RIGHT_MINUS_WRONG'];

  test('the key sheet is a valid answer sheet', () => {
    assert.ok(checkAnswerSheet(hw3Quiz, keySheet()).ok);
  });

  // 10 minus the three 0.25 upload parts (the brief said 8.5, which would drop Q18–Q20 whole).
  test('maxScore is 10; the key scores 9.25 before manual grading and 10 after', () => {
    for (const policy of policies) {
      const before = scoreAttempt(hw3Quiz, keySheet(), policy);
      assert.deepEqual([before.score, before.maxScore], [9.25, 10]);
      assert.deepEqual(
        before.results.filter((r) => r.pending).map((r) => `${r.questionId}:${r.part}`),
        ['q18:0', 'q19:0', 'q20:0'],
      );
      const grades = { 'q18:0': 0.25, 'q19:0': 0.25, 'q20:0': 0.25 };
      assert.equal(scoreAttempt(hw3Quiz, keySheet(), policy, grades).score, 10);
    }
  });

  test('random sheets: within [0, 10], and shuffled selections score the same', () => {
    const random = seededRandom(3);
    for (let i = 0; i < 300; i++) {
      const sheet: AnswerSheet = {};
      const reordered: AnswerSheet = {};
      for (const q of hw3Quiz.questions) {
        for (const { part, index } of choiceParts(q)) {
          const selected = part.options.map((o) => o.id).filter(() => random() < 0.5);
          sheet[q.id] = { [String(index)]: { kind: 'choice', selected } };
          reordered[q.id] = { [String(index)]: { kind: 'choice', selected: shuffled(selected, random) } };
        }
      }
      for (const policy of policies) {
        const score = scoreAttempt(hw3Quiz, sheet, policy);
        assert.ok(score.score >= 0 && score.score <= 10);
        assert.equal(score.maxScore, 10);
        assert.deepEqual(scoreAttempt(hw3Quiz, reordered, policy), score);
      }
    }
  });

  test('the unreleased student view carries no key and no explanation', () => {
    const json = JSON.stringify(studentView(hw3Quiz, { released: false }));
    assert.ok(!json.includes('"key"'));
    assert.ok(!json.includes('"explanation"'));
    assert.ok(!json.includes('答案是'));
  });
});
