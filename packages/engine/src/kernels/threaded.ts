// The WebAssembly kernels with matmul split over two threads: the main thread computes the first
// half of the weight rows, a worker (matmul-worker.mjs, same module, same shared memory) the second.
// Small products stay on the main thread, where handing off would cost more than it saves.
import { Worker } from 'node:worker_threads';
import { matmulReference } from './reference.ts';
import type { Kernels } from './types.ts';
import { createWasmKernels, simdModule, type WasmKernels } from './wasm.ts';

const SEQ = 0;
const DONE = 1;
const ARGS = 2;
/** Below this many multiply-adds a matmul runs on the main thread alone. */
const MIN_SPLIT_WORK = 32_768;

export interface ThreadedKernels extends WasmKernels {
  /** Stops the worker thread (the kernels then run single-threaded). */
  close(): Promise<void>;
}

export function createThreadedKernels(base: WasmKernels = createWasmKernels()): ThreadedKernels {
  const control = new Int32Array(new SharedArrayBuffer(4 * 16));
  let worker: Worker | undefined = new Worker(new URL('./matmul-worker.mjs', import.meta.url), {
    workerData: { module: simdModule(), memory: base.memory, control: control.buffer },
  });
  worker.unref(); // an idle helper thread never keeps the process alive
  let seq = 0;

  const matmul: Kernels['matmul'] = (out, x, w, rows, inDim, outDim) => {
    if (!base.owns(out) || !base.owns(x) || !base.owns(w))
      return matmulReference(out, x, w, rows, inDim, outDim);
    if (!worker || rows * inDim * outDim < MIN_SPLIT_WORK || outDim < 8) {
      base.simd.matmul(out.byteOffset, x.byteOffset, w.byteOffset, rows, inDim, outDim, 0, outDim);
      return;
    }
    const split = Math.round(outDim / 8) * 4; // half the rows, a multiple of 4 for the SIMD blocks
    control.set([out.byteOffset, x.byteOffset, w.byteOffset, rows, inDim, outDim, split, outDim], ARGS);
    Atomics.store(control, SEQ, ++seq);
    Atomics.notify(control, SEQ);
    base.simd.matmul(out.byteOffset, x.byteOffset, w.byteOffset, rows, inDim, outDim, 0, split);
    // The worker's half takes about as long as ours: spin a little, then sleep until it is done
    // (on a busy machine the worker may be waiting for a core, which our spinning would hold).
    for (let spins = 0; Atomics.load(control, DONE) !== seq; spins++) {
      if (spins > 2000) Atomics.wait(control, DONE, Atomics.load(control, DONE), 1);
    }
  };

  return {
    ...base,
    name: 'wasm-simd-2-threads',
    matmul,
    async close() {
      if (!worker) return;
      const stopping = worker;
      worker = undefined;
      Atomics.store(control, SEQ, -1);
      Atomics.notify(control, SEQ);
      await stopping.terminate();
    },
  };
}
