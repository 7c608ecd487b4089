// Pearson's chi-square goodness-of-fit test of sampled counts against a known distribution.
// p-values come from the regularised upper incomplete gamma function (Numerical Recipes §6.2).

/** log Γ(x) for x > 0 (Lanczos, g = 7, 9 terms; ~15 significant digits). */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = c[0]!;
  for (let i = 1; i < 9; i++) sum += c[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Q(a, x) = Γ(a, x) / Γ(a): series for x < a + 1, continued fraction (Lentz) otherwise. */
export function regularizedGammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10_000 && Math.abs(term) > Math.abs(sum) * 1e-16; n++) {
      term *= x / (a + n);
      sum += term;
    }
    return 1 - sum * Math.exp(logPrefix);
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(logPrefix) * h;
}

/** P(χ²_df ≥ statistic). */
export function chiSquarePValue(statistic: number, degreesOfFreedom: number): number {
  if (degreesOfFreedom <= 0) return 1;
  return regularizedGammaQ(degreesOfFreedom / 2, statistic / 2);
}

export interface GoodnessOfFit {
  samples: number;
  statistic: number;
  degreesOfFreedom: number;
  pValue: number;
  /** ½ Σ |observed frequency − expected probability|, for reading how far off the samples are. */
  totalVariation: number;
  /** A token was sampled that has probability 0 (then pValue is 0). */
  impossibleToken?: number;
}

/**
 * Tests `counts` (one per token) against `probs`. Cells expecting fewer than 5 samples are pooled
 * into one cell (merged into the next smallest if the pool itself stays under 5), the usual rule
 * for the chi-square approximation to hold.
 */
export function chiSquareTest(counts: ArrayLike<number>, probs: ArrayLike<number>): GoodnessOfFit {
  if (counts.length !== probs.length)
    throw new RangeError('chiSquareTest: counts and probs differ in length');
  let samples = 0;
  let probTotal = 0;
  for (let i = 0; i < counts.length; i++) {
    samples += counts[i]!;
    probTotal += probs[i]!;
  }
  let totalVariation = 0;
  let impossibleToken: number | undefined;
  const cells: { observed: number; expected: number }[] = [];
  const pool = { observed: 0, expected: 0 };
  for (let i = 0; i < counts.length; i++) {
    const expected = (samples * probs[i]!) / probTotal;
    const observed = counts[i]!;
    totalVariation += Math.abs(observed / samples - probs[i]! / probTotal) / 2;
    if (expected === 0 && observed > 0) impossibleToken ??= i;
    if (expected >= 5) cells.push({ observed, expected });
    else {
      pool.observed += observed;
      pool.expected += expected;
    }
  }
  if (pool.expected > 0) {
    cells.sort((a, b) => a.expected - b.expected);
    if (pool.expected < 5 && cells.length > 0) {
      cells[0]!.observed += pool.observed;
      cells[0]!.expected += pool.expected;
    } else cells.push(pool);
  }
  let statistic = 0;
  for (const { observed, expected } of cells) statistic += (observed - expected) ** 2 / expected;
  const degreesOfFreedom = cells.length - 1;
  const pValue = impossibleToken === undefined ? chiSquarePValue(statistic, degreesOfFreedom) : 0;
  return { samples, statistic, degreesOfFreedom, pValue, totalVariation, impossibleToken };
}
