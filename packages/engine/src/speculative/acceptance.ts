// The acceptance rule of speculative sampling, pluggable so the grader can run students' versions
// inside the real sampler. Each plugged call is checked: a bad value is an AcceptanceRuleError that
// says which function returned what, never a silently skewed distribution.

/** Weights to resample from after a rejection; the caller normalises (reference: max(0, p − q)). */
export type ResidualFn = (p: Float32Array, q: Float32Array) => Float32Array;
/** Probability of accepting a drafted token x given p(x) and q(x) (reference: min(1, p(x)/q(x))). */
export type AcceptRatioFn = (px: number, qx: number) => number;

export const referenceResidual: ResidualFn = (p, q) => {
  const out = new Float32Array(p.length);
  for (let i = 0; i < p.length; i++) out[i] = Math.max(0, p[i]! - q[i]!);
  return out;
};

export const referenceAcceptRatio: AcceptRatioFn = (px, qx) => Math.min(1, px / qx);

/** A plugged residual or accept ratio returned something that is not a valid weight/probability. */
export class AcceptanceRuleError extends Error {
  override readonly name = 'AcceptanceRuleError';
}

/** Calls `residual` and checks its result: one finite, non-negative weight per vocabulary entry. */
export function checkedResidual(residual: ResidualFn, p: Float32Array, q: Float32Array): ArrayLike<number> {
  const out: unknown = residual(p, q);
  const shown = typeof out === 'object' && out !== null ? (out.constructor?.name ?? 'object') : String(out);
  if (!ArrayBuffer.isView(out) && !Array.isArray(out)) {
    throw new AcceptanceRuleError(`residual(p, q) must return a Float32Array, got ${shown}`);
  }
  const values = out as ArrayLike<unknown>;
  if (values.length !== p.length) {
    throw new AcceptanceRuleError(
      `residual(p, q) returned ${values.length} values; expected ${p.length} (one per vocabulary entry)`,
    );
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || Number.isNaN(v)) {
      throw new AcceptanceRuleError(`residual(p, q) returned ${String(v)} at index ${i}; expected a number`);
    }
    if (v < 0) {
      throw new AcceptanceRuleError(
        `residual(p, q) returned a negative weight (${v}) at index ${i}; residual weights must be ≥ 0`,
      );
    }
    if (v === Number.POSITIVE_INFINITY) {
      throw new AcceptanceRuleError(`residual(p, q) returned Infinity at index ${i}; weights must be finite`);
    }
  }
  return values as ArrayLike<number>;
}

/**
 * Calls `acceptRatio` and checks its result is a number ≥ 0. Values above 1 are allowed: the
 * token is then always accepted, exactly as `rand < ratio` does.
 */
export function checkedAcceptRatio(acceptRatio: AcceptRatioFn, px: number, qx: number): number {
  const r: unknown = acceptRatio(px, qx);
  const call = `acceptRatio(p(x) = ${px}, q(x) = ${qx})`;
  if (typeof r !== 'number' || Number.isNaN(r)) {
    throw new AcceptanceRuleError(`${call} returned ${String(r)}; expected a number`);
  }
  if (r < 0) throw new AcceptanceRuleError(`${call} returned ${r}; an acceptance probability must be ≥ 0`);
  return r;
}
