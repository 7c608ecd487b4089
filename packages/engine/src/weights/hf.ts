// Tensors of a Hugging Face LlamaForCausalLM → LlamaWeights, every shape checked against the config.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readHfConfig } from '../config.ts';
import { EngineError } from '../errors.ts';
import type { ModelConfig } from '../model/types.ts';
import type { LlamaWeights } from '../model/weights.ts';
import { readSafetensorsFolder, type Tensor } from './safetensors.ts';

/** config.json and the safetensors weights of a Hugging Face model folder. */
export async function readHfModelFolder(
  dir: string,
): Promise<{ config: ModelConfig; weights: LlamaWeights }> {
  const configPath = join(dir, 'config.json');
  if (!existsSync(configPath))
    throw new EngineError(`${dir} has no config.json (not a Hugging Face model folder)`);
  const config = await readHfConfig(configPath);
  const weights = llamaWeightsFromHf(await readSafetensorsFolder(dir), config, dir);
  return { config, weights };
}

export function llamaWeightsFromHf(
  tensors: Map<string, Tensor>,
  config: ModelConfig,
  dir: string,
): LlamaWeights {
  const { dim, hiddenDim, nHeads, nKvHeads, vocabSize } = config;
  const headDim = dim / nHeads;
  const kvDim = nKvHeads * headDim;
  const take = (name: string, shape: number[]): Float32Array => {
    const tensor = tensors.get(name);
    if (!tensor) throw new EngineError(`${dir}: tensor ${name} is missing from the safetensors files`);
    if (tensor.shape.join() !== shape.join()) {
      throw new EngineError(
        `${tensor.file}: tensor ${name} has shape [${tensor.shape}] but config.json implies [${shape}]`,
      );
    }
    return tensor.data;
  };

  const tokenEmbedding = take('model.embed_tokens.weight', [vocabSize, dim]);
  const layers = Array.from({ length: config.nLayers }, (_, l) => {
    const prefix = `model.layers.${l}`;
    return {
      attentionNorm: take(`${prefix}.input_layernorm.weight`, [dim]),
      query: rotateHalfToInterleaved(
        take(`${prefix}.self_attn.q_proj.weight`, [dim, dim]),
        nHeads,
        headDim,
        dim,
      ),
      key: rotateHalfToInterleaved(
        take(`${prefix}.self_attn.k_proj.weight`, [kvDim, dim]),
        nKvHeads,
        headDim,
        dim,
      ),
      value: take(`${prefix}.self_attn.v_proj.weight`, [kvDim, dim]),
      attentionOut: take(`${prefix}.self_attn.o_proj.weight`, [dim, dim]),
      ffnNorm: take(`${prefix}.post_attention_layernorm.weight`, [dim]),
      gate: take(`${prefix}.mlp.gate_proj.weight`, [hiddenDim, dim]),
      up: take(`${prefix}.mlp.up_proj.weight`, [hiddenDim, dim]),
      down: take(`${prefix}.mlp.down_proj.weight`, [dim, hiddenDim]),
    };
  });
  const finalNorm = take('model.norm.weight', [dim]);
  const output =
    config.tiedEmbeddings || !tensors.has('lm_head.weight')
      ? tokenEmbedding
      : take('lm_head.weight', [vocabSize, dim]);
  if (!config.tiedEmbeddings && output === tokenEmbedding) {
    throw new EngineError(
      `${dir}: tensor lm_head.weight is missing and config.json does not tie the embeddings`,
    );
  }
  return { tokenEmbedding, layers, finalNorm, output };
}

/**
 * Hugging Face's Llama rotates the two halves of each head (rotate_half); llama2.c and our RoPE rotate
 * adjacent pairs. Reordering the rows of Wq and Wk, within each head, from [first half, second half]
 * to interleaved pairs makes the two identical (this undoes transformers' convert_llama_weights permute).
 */
export function rotateHalfToInterleaved(
  w: Float32Array,
  heads: number,
  headDim: number,
  inDim: number,
): Float32Array {
  const out = new Float32Array(w.length);
  const half = headDim / 2;
  for (let h = 0; h < heads; h++) {
    for (let i = 0; i < half; i++) {
      for (let part = 0; part < 2; part++) {
        const from = (h * headDim + part * half + i) * inDim;
        const to = (h * headDim + 2 * i + part) * inDim;
        out.set(w.subarray(from, from + inDim), to);
      }
    }
  }
  return out;
}

/** The inverse of rotateHalfToInterleaved, for writing our weights in Hugging Face's layout. */
export function interleavedToRotateHalf(
  w: Float32Array,
  heads: number,
  headDim: number,
  inDim: number,
): Float32Array {
  const out = new Float32Array(w.length);
  const half = headDim / 2;
  for (let h = 0; h < heads; h++) {
    for (let i = 0; i < half; i++) {
      for (let part = 0; part < 2; part++) {
        const from = (h * headDim + 2 * i + part) * inDim;
        const to = (h * headDim + part * half + i) * inDim;
        out.set(w.subarray(from, from + inDim), to);
      }
    }
  }
  return out;
}
