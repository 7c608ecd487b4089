import type { Kernels } from './types.ts';
import { createWasmKernels } from './wasm.ts';

let shared: Kernels | undefined;

/** The fastest kernels available here, one instance for the whole process. */
export function defaultKernels(): Kernels {
  shared ??= createWasmKernels();
  return shared;
}
