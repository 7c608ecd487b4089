// The checks against known answers: every test id has a check, the reference solutions score full
// marks, and the classic wrong answers lose exactly where they should (the lossless test rejects
// |p − q|, max(0, q − p) and an unclamped ratio).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findCodeBlank, hw3CodeBlanks, referenceSolutions } from '@infer-lab/quiz';
import { checksByBlank } from '../src/checks/index.ts';
import { gradeCode } from '../src/grade.ts';
import { createGraderModels } from '../src/models.ts';

const models = createGraderModels();

const failedTests = async (blankId: string, code: string) => {
  const grading = await gradeCode(findCodeBlank(blankId)!, code, models);
  return { failed: grading.results.filter((r) => !r.passed), grading };
};

test('every test of every blank has a check, and nothing else does', () => {
  for (const blank of hw3CodeBlanks) {
    assert.deepEqual(
      Object.keys(checksByBlank[blank.id] ?? {}).sort(),
      blank.tests.map((t) => t.id).sort(),
      blank.id,
    );
  }
});

test('the reference solutions score full marks', async () => {
  for (const blank of hw3CodeBlanks) {
    const { failed, grading } = await failedTests(blank.id, referenceSolutions[blank.id]!);
    assert.deepEqual(failed, [], blank.id);
    assert.equal(grading.score, blank.points);
  }
});

const residualWith = (diff: string) => `
  const diff = p.map((x, i) => ${diff});
  const total = diff.reduce((a, b) => a + b, 0);
  if (total > 0) return diff.map((d) => d / total);
  const out = new Float32Array(p.length); out[argmax(p)] = 1; return out;`;

test('the lossless test rejects |p − q| and max(0, q − p)', async () => {
  for (const diff of ['Math.abs(x - q[i]!)', 'Math.max(0, q[i]! - x)']) {
    const { failed } = await failedTests('spec-residual', residualWith(diff));
    const lossless = failed.find((r) => r.id === 'lossless');
    assert.ok(lossless, `${diff} passed the lossless test`);
    assert.match(lossless.message, /Not lossless/);
  }
});

test('an unclamped ratio fails the range and lossless tests but not the Bernoulli ones', async () => {
  const { failed } = await failedTests(
    'spec-accept-ratio',
    `export function acceptRatio(px: number, qx: number): number { return px / qx; }
export function acceptDraft(ratio: number, u: number): boolean { return u < ratio; }`,
  );
  assert.deepEqual(failed.map((r) => r.id).sort(), ['lossless', 'ratio-range', 'worked-examples']);
  assert.match(failed.find((r) => r.id === 'lossless')!.message, /exceeds 1/);
});

test('a missing fallback, a naive softmax, unchained hashes and shortest-first lookup each lose points', async () => {
  const noFallback = residualWith('Math.max(0, x - q[i]!)').replace(/const out[\s\S]*$/, 'return diff;');
  assert.deepEqual(
    (await failedTests('spec-residual', noFallback)).failed.map((r) => r.id),
    ['equal-distributions', 'random-cases'],
  );

  const naive = `
  const pv = new Float32Array(d); let sum = 0;
  for (let j = 0; j < scores.length; j++) { const w = Math.exp(scores[j]!); sum += w; for (let i = 0; i < d; i++) pv[i]! += w * values[j * d + i]!; }
  const l = state.l + sum; const o = new Float32Array(d);
  for (let i = 0; i < d; i++) o[i] = (state.l * state.o[i]! + pv[i]!) / l;
  return { m: 0, l, o };`;
  const softmax = (await failedTests('flash-online-softmax', naive)).failed.map((r) => r.id);
  assert.ok(softmax.includes('large-scores'), softmax.join());

  const unchained = `
  const out: number[] = [];
  for (let s = 0; s + blockSize <= tokens.length; s += blockSize) out.push(fnv1a32([ROOT_HASH, ...tokens.slice(s, s + blockSize)]));
  return out;`;
  const hashes = (await failedTests('prefix-block-hash', unchained)).failed.map((r) => r.id);
  assert.ok(hashes.includes('chaining') && hashes.includes('random-sequences'), hashes.join());

  const shortestFirst = referenceSolutions['ngram-lookup']!.replace(
    'for (let n = Math.min(maxN, end - 1); n >= minN; n--)',
    'for (let n = minN; n <= Math.min(maxN, end - 1); n++)',
  );
  const lookup = (await failedTests('ngram-lookup', shortestFirst)).failed.map((r) => r.id);
  assert.ok(lookup.includes('longest-first') && lookup.includes('random-contexts'), lookup.join());
});
