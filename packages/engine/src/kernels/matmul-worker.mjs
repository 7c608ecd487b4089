// A helper thread for the threaded kernels (threaded.ts): it instantiates simd.wasm on the same shared
// memory and computes the weight rows [oStart, oEnd) of each matmul the main thread posts through
// the control array. After a task it spins briefly (the next matmul of a forward pass comes within
// microseconds), then sleeps in Atomics.wait so an idle model costs no CPU.
import { workerData } from 'node:worker_threads';

const { module, memory, control } = workerData;
const { matmul } = new WebAssembly.Instance(module, { env: { memory } }).exports;
const ctl = new Int32Array(control);
const SEQ = 0;
const DONE = 1;
const ARGS = 2; // out, x, w, rows, inDim, outDim, oStart, oEnd
const SPIN_MS = 0.2;

let seen = 0;
for (;;) {
  let spinStart = performance.now();
  let spins = 0;
  while (Atomics.load(ctl, SEQ) === seen) {
    if ((++spins & 1023) === 0 && performance.now() - spinStart > SPIN_MS) {
      Atomics.wait(ctl, SEQ, seen);
      spinStart = performance.now();
    }
  }
  seen = Atomics.load(ctl, SEQ);
  if (seen < 0) break; // asked to stop
  matmul(
    ctl[ARGS],
    ctl[ARGS + 1],
    ctl[ARGS + 2],
    ctl[ARGS + 3],
    ctl[ARGS + 4],
    ctl[ARGS + 5],
    ctl[ARGS + 6],
    ctl[ARGS + 7],
  );
  Atomics.store(ctl, DONE, seen);
  Atomics.notify(ctl, DONE);
}
