// The parameters of a Llama-family decoder, as fp32 arrays in PyTorch's row-major [out × in] layout.
// Every loader (llama2.c, safetensors) fills this one shape; the forward pass only reads it.

export interface LayerWeights {
  attentionNorm: Float32Array; // [dim]
  query: Float32Array; // [nHeads·headDim × dim]
  key: Float32Array; // [nKvHeads·headDim × dim]
  value: Float32Array; // [nKvHeads·headDim × dim]
  attentionOut: Float32Array; // [dim × nHeads·headDim]
  ffnNorm: Float32Array; // [dim]
  gate: Float32Array; // [hiddenDim × dim]   (llama2.c's w1)
  down: Float32Array; // [dim × hiddenDim]   (w2)
  up: Float32Array; // [hiddenDim × dim]     (w3)
}

export interface LlamaWeights {
  tokenEmbedding: Float32Array; // [vocabSize × dim]
  layers: LayerWeights[];
  finalNorm: Float32Array; // [dim]
  /** The classifier [vocabSize × dim]; the same array as tokenEmbedding when the embeddings are tied. */
  output: Float32Array;
}
