// Adaptive draft length, the schedule Hugging Face calls "heuristic": a fully accepted draft
// suggests drafting more next time (+2), any rejection less (−1), always within [1, maxGamma].

export function nextGamma(gamma: number, drafted: number, accepted: number, maxGamma: number): number {
  if (drafted === 0) return gamma; // nothing was proposed (no n-gram match): no evidence either way
  const next = accepted === drafted ? gamma + 2 : gamma - 1;
  return Math.max(1, Math.min(maxGamma, next));
}
