import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  flashAttentionCost,
  flashReads,
  HW3_LAB,
  hw3Quiz,
  nearestOption,
  standardAttentionCost,
  theoreticalSpeedup,
  theoreticalTime,
  tiling,
} from '../src/index.ts';

const keyOf = (id: string) => {
  const part = hw3Quiz.questions.find((q) => q.id === id)!.parts[0]!;
  assert.ok(part.kind === 'choice');
  return part.key;
};

test('prints the lab figures behind the Q16 and Q17 keys', (t) => {
  const reads = flashReads(1024);
  const speedup = theoreticalSpeedup(2048);
  t.diagnostic(
    `lab: d=${HW3_LAB.headDim}, M=${HW3_LAB.sramElements} elements, fp16, T4 320 GB/s, 65 TFLOP/s`,
  );
  t.diagnostic(`flashReads(1024) = ${reads}; Q16 key ${keyOf('q16')}`);
  t.diagnostic(`theoreticalSpeedup(2048) = ${speedup.toFixed(6)}; Q17 key ${keyOf('q17')}`);
  assert.equal(reads, 1_196_032);
  assert.ok(Math.abs(speedup - 2.129483) < 1e-6);
});

test('Q16 and Q17 keys are the options nearest to the computed figures', () => {
  const q16 = [800_000, 1_000_000, 900_000, 700_000].map((value, i) => ({ id: 'ABCD'[i]!, value }));
  const q17 = [1.835511, 1.899839, 1.934696, 1.952866].map((value, i) => ({ id: 'ABCD'[i]!, value }));
  assert.deepEqual(keyOf('q16'), [nearestOption(flashReads(1024), q16)]);
  assert.deepEqual(keyOf('q17'), [nearestOption(theoreticalSpeedup(2048), q17)]);
  assert.deepEqual([keyOf('q16'), keyOf('q17')], [['B'], ['D']]);
});

test('tiling follows Algorithm 1 line 1 and 3', () => {
  assert.deepEqual(tiling(1024), { blockCols: 128, blockRows: 64, colTiles: 8, rowTiles: 16 });
  assert.deepEqual(tiling(1000), { blockCols: 128, blockRows: 64, colTiles: 8, rowTiles: 16 });
  assert.deepEqual(tiling(100, { ...HW3_LAB, headDim: 128 }), {
    blockCols: 64,
    blockRows: 64,
    colTiles: 2,
    rowTiles: 2,
  });
});

test('counts agree with the slides: N(4d + 4N) for standard, N(5d + 4) for one K/V tile', () => {
  for (const n of [64, 128, 1024, 4096]) {
    const d = HW3_LAB.headDim;
    const standard = standardAttentionCost(n);
    assert.equal(standard.reads + standard.writes, n * (4 * d + 4 * n));
  }
  const n = 100; // Bc = 128, so one K/V tile
  const flash = flashAttentionCost(n);
  assert.equal(flash.reads + flash.writes, n * (5 * HW3_LAB.headDim + 4));
});

test('by hand for N = 256 (Tc = 2): reads 2Nd + 2(2Nd + 2N), writes 2(Nd + 2N)', () => {
  const cost = flashAttentionCost(256);
  assert.equal(cost.reads, 32_768 + 2 * (32_768 + 512));
  assert.equal(cost.writes, 2 * (16_384 + 512));
});

test('theoretical time adds compute and memory time', () => {
  const cost = { reads: 160e6, writes: 0, flops: 65e9 };
  // 1 ms of compute + 320 MB at 320 GB/s = 1 ms of memory.
  assert.ok(Math.abs(theoreticalTime(cost) - 2e-3) < 1e-12);
});

test('FlashAttention moves less than standard attention and the gap grows with N', () => {
  let last = 0;
  for (const n of [512, 1024, 2048, 4096]) {
    const speedup = theoreticalSpeedup(n);
    assert.ok(speedup > 1);
    assert.ok(speedup >= last);
    last = speedup;
  }
});

test('nearestOption picks the closest and refuses a tie', () => {
  const options = [
    { id: 'A', value: 1 },
    { id: 'B', value: 3 },
  ];
  assert.equal(nearestOption(1.9, options), 'A');
  assert.equal(nearestOption(2.1, options), 'B');
  assert.throws(() => nearestOption(2, options), /as close to A as to B/);
  assert.throws(() => nearestOption(2, []), /no options/);
});
