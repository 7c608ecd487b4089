// Which kernels the `ts` backend uses unless told otherwise: WebAssembly SIMD on the calling thread.
// INFER_LAB_KERNELS=threads (two threads), =wasm or =reference picks another for the whole process.
import { EngineError } from '../errors.ts';
import { referenceKernels } from './reference.ts';
import { createThreadedKernels } from './threaded.ts';
import type { Kernels } from './types.ts';
import { createWasmKernels } from './wasm.ts';

const choices: Record<string, () => Kernels> = {
  wasm: createWasmKernels,
  threads: createThreadedKernels,
  reference: () => referenceKernels,
};

let shared: Kernels | undefined;

/** The process's default kernels, made once. */
export function defaultKernels(): Kernels {
  if (shared) return shared;
  const choice = process.env.INFER_LAB_KERNELS || 'wasm';
  const make = choices[choice];
  if (!make) {
    throw new EngineError(`INFER_LAB_KERNELS=${choice} is not one of ${Object.keys(choices).join(', ')}`);
  }
  shared = make();
  return shared;
}
