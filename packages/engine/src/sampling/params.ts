// How the next token is chosen from logits. Temperature 0 means greedy (argmax).

export interface SamplingParams {
  /** 0 = greedy; otherwise logits are divided by it before the softmax. */
  temperature: number;
  /** Keep only the k most likely tokens (ties with the k-th are kept); 0 or absent = off. */
  topK?: number;
  /** Keep the smallest set of most likely tokens whose probability reaches topP; 1 or absent = off. */
  topP?: number;
}

export const greedy: SamplingParams = { temperature: 0 };

/** Throws a RangeError naming the bad setting. */
export function validateSamplingParams(params: SamplingParams): void {
  const { temperature, topK = 0, topP = 1 } = params;
  if (!Number.isFinite(temperature) || temperature < 0) {
    throw new RangeError(`temperature must be a finite number ≥ 0, got ${temperature}`);
  }
  if (!Number.isInteger(topK) || topK < 0) {
    throw new RangeError(`topK must be a whole number ≥ 0 (0 = off), got ${topK}`);
  }
  if (!(topP > 0 && topP <= 1)) throw new RangeError(`topP must lie in (0, 1], got ${topP}`);
}
