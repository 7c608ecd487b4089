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

export interface CausalLM {
  readonly name: string;
  readonly backend: 'ts' | 'ort' | 'webgpu';
  readonly config: ModelConfig;
  newCache(): KVCache;
  /**
   * Runs `tokens` at positions cache.length … cache.length + tokens.length − 1, appends their keys
   * and values to the cache, and returns the logits of every input position, row-major
   * [tokens.length × vocabSize]. Throws a RangeError naming maxSeqLen when the cache would overflow.
   */
  forward(tokens: readonly number[], cache: KVCache): Promise<Float32Array>;
  dispose?(): Promise<void> | void;
}

export interface Tokenizer {
  readonly vocabSize: number;
  readonly bosTokenId: number;
  readonly eosTokenId: number;
  encode(text: string, options?: { bos?: boolean }): number[];
  decode(tokens: readonly number[]): string;
}
