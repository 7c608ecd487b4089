// llama2.c checkpoints (github.com/karpathy/llama2.c, export.py):
//  - version 0 ("legacy"): 7 int32 (dim, hidden_dim, n_layers, n_heads, n_kv_heads, vocab_size, seq_len),
//    a negative vocab_size meaning a separate classifier; fp32 weights grouped by kind over all layers,
//    then two RoPE tables that run.c ignores (it recomputes RoPE), then the classifier if separate.
//  - version 1: uint32 magic "ak42", int32 version, the same 7 int32, a shared-classifier byte, zero
//    padding to 256 bytes; the norms come first and there are no RoPE tables.
import { readFile } from 'node:fs/promises';
import { describeError, EngineError } from '../errors.ts';
import type { ModelConfig } from '../model/types.ts';
import type { LayerWeights, LlamaWeights } from '../model/weights.ts';

const MAGIC_V1 = 0x616b3432; // "ak42" as a little-endian uint32
const HEADER_V1_BYTES = 256;

export interface Llama2cCheckpoint {
  config: ModelConfig;
  weights: LlamaWeights;
  version: 0 | 1;
}

export async function readLlama2cCheckpoint(path: string): Promise<Llama2cCheckpoint> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new EngineError(`Cannot read llama2.c checkpoint ${path}: ${describeError(error)}`, {
      cause: error,
    });
  }
  return parseLlama2cCheckpoint(bytes, path);
}

export function parseLlama2cCheckpoint(bytes: Uint8Array, path: string): Llama2cCheckpoint {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 28)
    throw new EngineError(`${path} is not a llama2.c checkpoint: only ${bytes.byteLength} bytes`);
  const version = view.getUint32(0, true) === MAGIC_V1 ? 1 : 0;
  if (version === 1 && view.getInt32(4, true) !== 1) {
    throw new EngineError(
      `${path}: llama2.c checkpoint version ${view.getInt32(4, true)} is not supported (only 0 and 1)`,
    );
  }
  const headerStart = version === 1 ? 8 : 0;
  const header = Array.from({ length: 7 }, (_, i) => view.getInt32(headerStart + 4 * i, true));
  const [dim, hiddenDim, nLayers, nHeads, nKvHeads, signedVocab, seqLen] = header as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const tiedEmbeddings = version === 1 ? view.getUint8(36) === 1 : signedVocab > 0;
  const vocabSize = Math.abs(signedVocab);
  const config: ModelConfig = {
    architecture: 'llama',
    dim,
    hiddenDim,
    nLayers,
    nHeads,
    nKvHeads,
    vocabSize,
    maxSeqLen: seqLen,
    ropeTheta: 10000,
    rmsNormEps: 1e-5,
    tiedEmbeddings,
    bosTokenId: 1,
    eosTokenId: 2,
  };
  const sane = header.every((n) => n > 0 && n < 1 << 24) && dim % nHeads === 0 && nHeads % nKvHeads === 0;
  if (!sane)
    throw new EngineError(`${path} is not a llama2.c checkpoint: implausible header ${header.join(', ')}`);

  const headDim = dim / nHeads;
  const kvDim = nKvHeads * headDim;
  const ropeTableFloats = version === 0 ? seqLen * headDim : 0; // cos and sin, each seqLen × headDim/2
  const expectedFloats =
    nLayers * (2 * dim + 2 * dim * dim + 2 * kvDim * dim + 3 * hiddenDim * dim) +
    dim +
    vocabSize * dim * (tiedEmbeddings ? 1 : 2) +
    ropeTableFloats;
  const dataStart = version === 1 ? HEADER_V1_BYTES : 28;
  const expectedBytes = dataStart + 4 * expectedFloats;
  if (bytes.byteLength < expectedBytes) {
    throw new EngineError(
      `${path} is truncated: the header (dim ${dim}, ${nLayers} layers, vocab ${vocabSize}) needs ${expectedBytes} bytes, the file has ${bytes.byteLength}`,
    );
  }

  let offset = dataStart;
  const take = (count: number): Float32Array => {
    const start = bytes.byteOffset + offset;
    offset += 4 * count;
    // A copy, so the weights own their memory; 4-byte aligned data is copied in one go.
    if (start % 4 === 0) return new Float32Array(bytes.buffer, start, count).slice();
    return Float32Array.from({ length: count }, (_, i) =>
      view.getFloat32(start - bytes.byteOffset + 4 * i, true),
    );
  };
  const perLayer = (count: number) => Array.from({ length: nLayers }, () => take(count));

  let tokenEmbedding: Float32Array = new Float32Array(0);
  let attentionNorm: Float32Array[] = [];
  let ffnNorm: Float32Array[] = [];
  let finalNorm: Float32Array = new Float32Array(0);
  if (version === 1) {
    attentionNorm = perLayer(dim);
    ffnNorm = perLayer(dim);
    finalNorm = take(dim);
    tokenEmbedding = take(vocabSize * dim);
  } else {
    tokenEmbedding = take(vocabSize * dim);
    attentionNorm = perLayer(dim);
  }
  const query = perLayer(dim * dim);
  const key = perLayer(kvDim * dim);
  const value = perLayer(kvDim * dim);
  const attentionOut = perLayer(dim * dim);
  if (version === 0) ffnNorm = perLayer(dim);
  const gate = perLayer(hiddenDim * dim);
  const down = perLayer(dim * hiddenDim);
  const up = perLayer(hiddenDim * dim);
  if (version === 0) {
    finalNorm = take(dim);
    offset += 4 * ropeTableFloats;
  }
  const output = tiedEmbeddings ? tokenEmbedding : take(vocabSize * dim);

  const layers: LayerWeights[] = Array.from({ length: nLayers }, (_, l) => ({
    attentionNorm: attentionNorm[l]!,
    query: query[l]!,
    key: key[l]!,
    value: value[l]!,
    attentionOut: attentionOut[l]!,
    ffnNorm: ffnNorm[l]!,
    gate: gate[l]!,
    down: down[l]!,
    up: up[l]!,
  }));
  return { config, weights: { tokenEmbedding, layers, finalNorm, output }, version };
}
