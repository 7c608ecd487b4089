// The WebAssembly SIMD kernels (one and two threads) against the plain reference kernels, on odd and
// even shapes.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { attention } from '../src/kernels/attention.ts';
import { matmulReference, swigluReference } from '../src/kernels/reference.ts';
import { createThreadedKernels } from '../src/kernels/threaded.ts';
import { createWasmKernels } from '../src/kernels/wasm.ts';
import { repoRoot } from './fixtures/paths.ts';

function random(seed: number) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32 - 0.5;
  };
}

/** Fills in place (map would return a copy outside the kernels' memory). */
function fill(array: Float32Array, next: () => number): Float32Array {
  for (let i = 0; i < array.length; i++) array[i] = next();
  return array;
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

test('wasm matmul equals the reference: row pairs, a lone last row, leftover weight rows, inDim not /4', () => {
  const kernels = createWasmKernels();
  const next = random(1);
  for (const [rows, inDim, outDim] of [
    [1, 240, 640],
    [5, 640, 240],
    [3, 244, 7],
    [2, 4, 5],
    [2, 243, 8], // inDim not a multiple of 4: the reference loop
    [9, 64, 512],
  ] as const) {
    const x = fill(kernels.alloc(rows * inDim), next);
    const w = fill(kernels.alloc(outDim * inDim), next);
    const out = kernels.alloc(rows * outDim);
    assert.ok(kernels.owns(x) && kernels.owns(w) && kernels.owns(out));
    const expected = new Float32Array(rows * outDim);
    matmulReference(expected, x, w, rows, inDim, outDim);
    kernels.matmul(out, x, w, rows, inDim, outDim);
    assert.ok(maxAbsDiff(out, expected) < 1e-5 * Math.sqrt(inDim), `${rows}×${inDim}→${outDim}`);
  }
});

test('wasm attention equals the reference (grouped-query, causal over a cache)', () => {
  const kernels = createWasmKernels();
  const next = random(2);
  const shape = { nHeads: 6, nKvHeads: 3, headDim: 40 };
  const rows = 4;
  const start = 37;
  const positions = start + rows;
  const q = fill(kernels.alloc(rows * 240), next);
  const keys = fill(kernels.alloc(positions * 120), next);
  const values = fill(kernels.alloc(positions * 120), next);
  const out = kernels.alloc(rows * 240);
  kernels.attention(out, q, keys, values, rows, start, shape, kernels.alloc(positions));
  const expected = new Float32Array(rows * 240);
  attention(expected, q, keys, values, rows, start, shape, new Float32Array(positions));
  assert.ok(maxAbsDiff(out, expected) < 1e-6);
});

test('freed blocks are reused, and arrays outside the memory take the reference path', () => {
  const kernels = createWasmKernels();
  const a = kernels.alloc(1000);
  a.fill(3);
  kernels.free(a);
  const b = kernels.alloc(1000);
  assert.equal(b.byteOffset, a.byteOffset);
  assert.ok(b.every((v) => v === 0));
  const big = kernels.alloc(2_000_000); // grows the memory; older arrays stay usable
  assert.ok(kernels.owns(big) && kernels.owns(b));
  const out = new Float32Array(2);
  kernels.matmul(out, Float32Array.of(1, 2), Float32Array.of(1, 0, 0, 1), 1, 2, 2);
  assert.deepEqual([...out], [1, 2]);
});

test('the two-thread matmul equals the reference, and closing it falls back to one thread', async () => {
  const kernels = createThreadedKernels();
  const next = random(3);
  try {
    for (const [rows, inDim, outDim] of [
      [1, 240, 640],
      [5, 240, 2048],
      [1, 640, 242],
      [1, 8, 8],
    ] as const) {
      const x = fill(kernels.alloc(rows * inDim), next);
      const w = fill(kernels.alloc(outDim * inDim), next);
      const out = kernels.alloc(rows * outDim);
      const expected = new Float32Array(rows * outDim);
      matmulReference(expected, x, w, rows, inDim, outDim);
      kernels.matmul(out, x, w, rows, inDim, outDim);
      assert.ok(maxAbsDiff(out, expected) < 1e-5 * Math.sqrt(inDim), `${rows}×${inDim}→${outDim}`);
    }
    // Many hand-offs in a row (whichever thread ends up computing the second half): no lost or stale task.
    const single = createWasmKernels();
    const x = fill(kernels.alloc(5 * 240), next);
    const w = fill(kernels.alloc(640 * 240), next);
    const out = kernels.alloc(5 * 640);
    const expected = single.alloc(5 * 640);
    const [xs, ws] = [fill(single.alloc(5 * 240), () => 0), fill(single.alloc(640 * 240), () => 0)];
    xs.set(x);
    ws.set(w);
    for (let i = 0; i < 300; i++) {
      const rows = 1 + (i % 5);
      x[0] = i;
      xs[0] = i;
      kernels.matmul(out, x, w, rows, 240, 640);
      single.matmul(expected, xs, ws, rows, 240, 640);
      assert.deepEqual(out.subarray(0, rows * 640), expected.subarray(0, rows * 640), `hand-off ${i}`);
    }
  } finally {
    await kernels.close();
  }
  const x = fill(kernels.alloc(240), next);
  const w = fill(kernels.alloc(640 * 240), next);
  const out = kernels.alloc(640);
  const expected = new Float32Array(640);
  matmulReference(expected, x, w, 1, 240, 640);
  kernels.matmul(out, x, w, 1, 240, 640);
  assert.ok(maxAbsDiff(out, expected) < 1e-4);
});

test('wasm SwiGLU (polynomial e^x) matches the reference to float32 precision, extremes included', () => {
  const kernels = createWasmKernels();
  const next = random(4);
  const n = 4096;
  const gate = kernels.alloc(n);
  const up = kernels.alloc(n);
  for (let i = 0; i < n; i++) {
    gate[i] = i < 8 ? [-200, -88, -30, -1e-8, 0, 1e-8, 30, 200][i]! : next() * 24;
    up[i] = next() * 4;
  }
  const expected = Float32Array.from(gate);
  swigluReference(expected, up, n);
  kernels.swiglu(gate, up, n);
  for (let i = 0; i < n; i++) {
    const error = Math.abs(gate[i]! - expected[i]!);
    assert.ok(error <= 4e-7 * Math.abs(expected[i]!) + 1e-30, `x=${i}: ${gate[i]} vs ${expected[i]}`);
  }
});

test('INFER_LAB_KERNELS picks the default kernels for the process, and a wrong value says which exist', () => {
  const script =
    "import('./packages/engine/src/kernels/index.ts').then((m) => { try { console.log(m.defaultKernels().name); process.exit(0); } catch (e) { console.log(e.message); } })";
  const run = (value: string) =>
    execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
      cwd: repoRoot,
      env: { ...process.env, INFER_LAB_KERNELS: value },
      encoding: 'utf8',
    }).trim();
  assert.equal(run(''), 'wasm-simd');
  assert.equal(run('threads'), 'wasm-simd-2-threads');
  assert.equal(run('reference'), 'reference');
  assert.equal(run('gpu'), 'INFER_LAB_KERNELS=gpu is not one of wasm, threads, reference');
});
