// The one interface every backend implements: tokens and a KV cache in, logits out.
// Generation, sampling and speculative decoding are written once against it.

export interface ModelConfig {
  /** 'llama' for every Llama-family decoder this engine runs. */
  architecture: 'llama';
  dim: number;
  hiddenDim: number;
  nLayers: number;
  nHeads: number;
  nKvHeads: number;
  vocabSize: number;
  /** Longest sequence (prompt + generated) the model and its cache accept. */
  maxSeqLen: number;
  ropeTheta: number;
  rmsNormEps: number;
  tiedEmbeddings: boolean;
  bosTokenId: number;
  eosTokenId: number;
}

/** Keys and values of the positions seen so far; `truncate` rolls back rejected draft tokens. */
export interface KVCache {
  readonly length: number;
  truncate(length: number): void;
}

export interface ForwardOptions {
  /**
   * Return the logits of the last n positions only, [n × vocabSize]: a draft model catching up on
   * many tokens needs one row, and the output head is most of a small model's work per token.
   */
  logitsOfLast?: number;
}

export interface CausalLM {
  readonly name: string;
  readonly backend: 'ts' | 'ort' | 'webgpu';
  readonly config: ModelConfig;
  newCache(): KVCache;
  /**
   * Runs `tokens` at positions cache.length … cache.length + tokens.length − 1, appends their keys
   * and values to the cache, and returns the logits of every input position, row-major
   * [tokens.length × vocabSize] (or of the last `logitsOfLast` positions only). Throws a RangeError
   * naming maxSeqLen when the cache would overflow.
   */
  forward(tokens: readonly number[], cache: KVCache, options?: ForwardOptions): Promise<Float32Array>;
  dispose?(): Promise<void> | void;
}

export interface Tokenizer {
  readonly vocabSize: number;
  readonly bosTokenId: number;
  readonly eosTokenId: number;
  encode(text: string, options?: { bos?: boolean }): number[];
  decode(tokens: readonly number[]): string;
}

/** How many logit rows a forward over `rows` tokens returns; a RangeError for a bad logitsOfLast. */
export function logitRows(rows: number, options: ForwardOptions | undefined): number {
  const n = options?.logitsOfLast;
  if (n === undefined) return rows;
  if (!Number.isInteger(n) || n < 1 || n > rows) {
    throw new RangeError(
      `logitsOfLast must be a whole number from 1 to ${rows} (the tokens given), got ${n}`,
    );
  }
  return n;
}
