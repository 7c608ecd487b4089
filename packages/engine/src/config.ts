// config.json of a Hugging Face model folder → ModelConfig. Llama and the architectures that share
// its weights and math (Mistral without sliding windows) are accepted; anything else is an error that
// names the architecture and the file.
import { readFile } from 'node:fs/promises';
import { describeError, EngineError } from './errors.ts';
import type { ModelConfig } from './model/types.ts';

const SUPPORTED_ARCHITECTURES = ['LlamaForCausalLM', 'MistralForCausalLM'];

export async function readHfConfig(path: string): Promise<ModelConfig> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new EngineError(`Cannot read model config ${path}: ${describeError(error)}`, { cause: error });
  }
  return configFromHf(json, path);
}

export function configFromHf(json: unknown, path: string): ModelConfig {
  if (!json || typeof json !== 'object') throw new EngineError(`${path} is not a JSON object`);
  const hf = json as Record<string, unknown>;
  const architecture = Array.isArray(hf.architectures) ? String(hf.architectures[0]) : String(hf.model_type);
  if (!SUPPORTED_ARCHITECTURES.includes(architecture)) {
    throw new EngineError(
      `${path}: architecture ${architecture} is not supported (supported: ${SUPPORTED_ARCHITECTURES.join(', ')})`,
    );
  }
  const int = (key: string, fallback?: number): number => {
    const value = hf[key] ?? fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
      throw new EngineError(`${path}: "${key}" must be a positive integer, found ${JSON.stringify(hf[key])}`);
    }
    return value;
  };
  const unsupported = (reason: string) => new EngineError(`${path}: ${reason} is not supported`);

  const dim = int('hidden_size');
  const nHeads = int('num_attention_heads');
  const nKvHeads = int('num_key_value_heads', nHeads);
  const maxSeqLen = int('max_position_embeddings');
  if (dim % nHeads !== 0 || nHeads % nKvHeads !== 0) {
    throw new EngineError(
      `${path}: ${nHeads} heads over hidden_size ${dim} with ${nKvHeads} key/value heads do not divide evenly`,
    );
  }
  if (hf.head_dim !== undefined && hf.head_dim !== null && hf.head_dim !== dim / nHeads) {
    throw unsupported(`head_dim ${hf.head_dim} ≠ hidden_size / num_attention_heads`);
  }
  if ((hf.hidden_act ?? 'silu') !== 'silu') throw unsupported(`hidden_act ${JSON.stringify(hf.hidden_act)}`);
  if (hf.attention_bias || hf.mlp_bias) throw unsupported('attention_bias / mlp_bias');
  if (typeof hf.sliding_window === 'number' && hf.sliding_window < maxSeqLen)
    throw unsupported('sliding_window');

  // rope_theta lives at the top level (transformers 4) or in rope_parameters (transformers 5).
  const ropeParameters = (hf.rope_parameters ?? {}) as Record<string, unknown>;
  const ropeType =
    (hf.rope_scaling as { rope_type?: string } | null)?.rope_type ?? ropeParameters.rope_type ?? 'default';
  if (ropeType !== 'default') throw unsupported(`rope type ${JSON.stringify(ropeType)}`);
  const ropeTheta = Number(hf.rope_theta ?? ropeParameters.rope_theta ?? 10000);

  const firstId = (value: unknown, fallback: number) =>
    (Array.isArray(value) ? value[0] : (value ?? fallback)) as number;
  return {
    architecture: 'llama',
    dim,
    hiddenDim: int('intermediate_size'),
    nLayers: int('num_hidden_layers'),
    nHeads,
    nKvHeads,
    vocabSize: int('vocab_size'),
    maxSeqLen,
    ropeTheta,
    rmsNormEps: Number(hf.rms_norm_eps ?? 1e-6),
    tiedEmbeddings: Boolean(hf.tie_word_embeddings ?? false),
    bosTokenId: firstId(hf.bos_token_id, 1),
    eosTokenId: firstId(hf.eos_token_id, 2),
  };
}
