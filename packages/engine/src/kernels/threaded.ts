// The WebAssembly kernels with matmul split over two threads: the main thread computes the first
// half of the weight rows, a worker (matmul-worker.mjs, same module, same shared memory) the second.
// If the worker has not claimed its half by the time the main thread finishes its own (the machine is
// busy and the worker waits for a core), the main thread takes the second half too, so a busy machine
// costs little more than one thread. Small products stay on the main thread.
import { Worker } from 'node:worker_threads';
import { matmulReference } from './reference.ts';
import type { Kernels } from './types.ts';
import { createWasmKernels, simdModule, type WasmKernels } from './wasm.ts';

// The control array's layout, shared with matmul-worker.mjs.
const SEQ = 0;
const DONE = 1;
const STATE = 2;
const ARGS = 3;
const POSTED = 1;
const TAKEN_BY_MAIN = 3;
const STOP = -1;
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
    if (inDim % 4 !== 0 || !base.owns(out) || !base.owns(x) || !base.owns(w)) {
      matmulReference(out, x, w, rows, inDim, outDim);
      return;
    }
    const pointers = [out.byteOffset, x.byteOffset, w.byteOffset] as const;
    if (!worker || rows * inDim * outDim < MIN_SPLIT_WORK || outDim < 8) {
      base.simd.matmul(...pointers, rows, inDim, outDim, 0, outDim);
      return;
    }
    const split = Math.round(outDim / 8) * 4; // half the rows, a multiple of 4 for the SIMD blocks
    control.set([...pointers, rows, inDim, outDim, split, outDim], ARGS);
    Atomics.store(control, SEQ, ++seq);
    Atomics.store(control, STATE, POSTED);
    Atomics.notify(control, STATE);
    base.simd.matmul(...pointers, rows, inDim, outDim, 0, split);
    if (Atomics.compareExchange(control, STATE, POSTED, TAKEN_BY_MAIN) === POSTED) {
      base.simd.matmul(...pointers, rows, inDim, outDim, split, outDim); // the worker never started
      return;
    }
    // The worker is on it and needs about as long as we did: spin a little, then sleep until done.
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
      Atomics.store(control, STATE, STOP);
      Atomics.notify(control, STATE);
      await stopping.terminate();
    },
  };
}
