import { referenceKernels } from './reference.ts';
import type { Kernels } from './types.ts';

/** The fastest kernels available here. */
export function defaultKernels(): Kernels {
  return referenceKernels;
}
