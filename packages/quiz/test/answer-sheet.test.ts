import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type AnswerError, checkAnswerSheet, MAX_QUESTIONS, MAX_SELECTED } from '../src/index.ts';
import { smallQuiz, UPLOAD_ID } from './fixtures.ts';

const quiz = smallQuiz();
const choice = (...selected: string[]) => ({ kind: 'choice', selected });

function errorOf(sheet: unknown): AnswerError {
  const result = checkAnswerSheet(quiz, sheet);
  assert.equal(result.ok, false, `expected ${JSON.stringify(sheet)} to be rejected`);
  return result.ok ? assert.fail() : result.error;
}

describe('checkAnswerSheet', () => {
  test('accepts partial sheets and any number of selections for choose-N', () => {
    const sheet = {
      q02: { '0': choice('A', 'B', 'C', 'D', 'E') },
      q04: { '0': { kind: 'upload', uploadId: UPLOAD_ID }, '1': choice('D') },
      q03: { '0': choice() },
    };
    assert.deepEqual(checkAnswerSheet(quiz, sheet), { ok: true, sheet });
    assert.deepEqual(checkAnswerSheet(quiz, {}), { ok: true, sheet: {} });
  });

  test('rejects sheets of the wrong shape as MALFORMED, saying where', () => {
    const malformed = [
      null,
      [],
      'q01',
      { q01: choice('A') },
      { q01: { '0': { kind: 'choice', selected: 'A' } } },
      { q01: { '0': { kind: 'choice', selected: ['A'], extra: 1 } } },
      { q01: { '00': choice('A') } },
      { q01: { '-1': choice('A') } },
      { q04: { '0': { kind: 'upload', uploadId: 'not-a-uuid' } } },
      { q02: { '0': choice(...Array.from({ length: MAX_SELECTED + 1 }, () => 'A')) } },
      { q01: { '0': choice('A'.repeat(9)) } },
      Object.fromEntries(Array.from({ length: MAX_QUESTIONS + 1 }, (_, i) => [`x${i}`, {}])),
    ];
    for (const sheet of malformed) assert.equal(errorOf(sheet).code, 'MALFORMED', JSON.stringify(sheet));
    assert.equal(
      errorOf({ q04: { '0': { kind: 'upload', uploadId: 'nope' } } }).message,
      'q04.0.uploadId: Invalid UUID',
    );
  });

  test('a __proto__ key is dropped and never becomes the prototype', () => {
    const result = checkAnswerSheet(
      quiz,
      JSON.parse('{"__proto__": {"0": {"kind": "choice", "selected": ["A"]}}}'),
    );
    assert.ok(result.ok);
    assert.deepEqual(Object.keys(result.sheet), []);
    assert.equal(Object.getPrototypeOf(result.sheet), Object.prototype);
  });

  test('names the unknown question, part or option', () => {
    assert.deepEqual(errorOf({ q09: { '0': choice('A') } }), {
      code: 'UNKNOWN_QUESTION',
      questionId: 'q09',
      message: "quiz small has no question 'q09'",
    });
    const part = errorOf({ q01: { '1': choice('A') } });
    assert.deepEqual([part.code, part.questionId, part.part], ['UNKNOWN_PART', 'q01', 1]);
    const option = errorOf({ q02: { '0': choice('B', 'F') } });
    assert.deepEqual(
      [option.code, option.questionId, option.part, option.optionId],
      ['UNKNOWN_OPTION', 'q02', 0, 'F'],
    );
  });

  test('rejects an answer of the wrong kind and a repeated option', () => {
    const kind = errorOf({ q04: { '0': choice('A') } });
    assert.deepEqual([kind.code, kind.questionId, kind.part], ['WRONG_PART_KIND', 'q04', 0]);
    assert.equal(errorOf({ q04: { '1': { kind: 'upload', uploadId: UPLOAD_ID } } }).code, 'WRONG_PART_KIND');
    const repeated = errorOf({ q02: { '0': choice('B', 'C', 'B') } });
    assert.deepEqual([repeated.code, repeated.optionId], ['DUPLICATE_OPTION', 'B']);
  });

  test('a single-choice part with more than one selection is MALFORMED', () => {
    const error = errorOf({ q01: { '0': choice('A', 'C') } });
    assert.deepEqual([error.code, error.questionId, error.part], ['MALFORMED', 'q01', 0]);
    assert.equal(errorOf({ q04: { '1': choice('C', 'D') } }).code, 'MALFORMED');
  });
});
