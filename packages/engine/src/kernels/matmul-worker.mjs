// The helper thread of the two-thread kernels (threaded.ts): it instantiates simd.wasm on the same
// shared memory and, for each matmul the main thread posts, tries to claim the second half of the
// weight rows. The main thread takes that half back itself when this thread is slow to start (on a
// busy machine), so a claim can fail. After a task it spins briefly, because the next matmul of a
// forward pass comes within microseconds, then sleeps in Atomics.wait so an idle model costs no CPU.
import { workerData } from 'node:worker_threads';

const { module, memory, control } = workerData;
const { matmul } = new WebAssembly.Instance(module, { env: { memory } }).exports;
const ctl = new Int32Array(control);
// The layout of the control array, shared with threaded.ts.
const SEQ = 0; // number of the latest posted task
const DONE = 1; // number of the latest task this thread finished
const STATE = 2; // POSTED → TAKEN_BY_WORKER or TAKEN_BY_MAIN; STOP ends the thread
const ARGS = 3; // out, x, w, rows, inDim, outDim, oStart, oEnd
const POSTED = 1;
const TAKEN_BY_WORKER = 2;
const STOP = -1;
const SPIN_MS = 0.2;

for (;;) {
  let spinStart = performance.now();
  let spins = 0;
  let state = Atomics.load(ctl, STATE);
  while (state !== POSTED && state !== STOP) {
    if ((++spins & 1023) === 0 && performance.now() - spinStart > SPIN_MS) {
      Atomics.wait(ctl, STATE, state);
      spinStart = performance.now();
    }
    state = Atomics.load(ctl, STATE);
  }
  if (state === STOP) break;
  if (Atomics.compareExchange(ctl, STATE, POSTED, TAKEN_BY_WORKER) !== POSTED) continue; // main took it
  const task = Atomics.load(ctl, SEQ); // set before POSTED, and no new task comes until this one is done
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
  Atomics.store(ctl, DONE, task);
  Atomics.notify(ctl, DONE);
}
