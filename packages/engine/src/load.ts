// One entry point for every model source: a llama2.c checkpoint (tokenizer.bin beside it), a local
// Hugging Face folder, or hf:owner/name from the Hub. The backend picks who runs the forward pass.
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { createOrtModel } from './backends/ort.ts';
import { readHfConfig } from './config.ts';
import { EngineError } from './errors.ts';
import { downloadFromHub } from './hub.ts';
import type { Kernels } from './kernels/types.ts';
import { LlamaModel } from './model/llama.ts';
import type { CausalLM, ModelConfig, Tokenizer } from './model/types.ts';
import { readHfTokenizer } from './tokenizer/hf.ts';
import { readLlama2cTokenizer } from './tokenizer/llama2c.ts';
import { readHfModelFolder } from './weights/hf.ts';
import { readLlama2cCheckpoint } from './weights/llama2c.ts';

export interface LoadOptions {
  /** 'ts' (our TypeScript forward, the default) or 'ort' (the folder's onnx/model.onnx in onnxruntime-node). */
  backend?: 'ts' | 'ort';
  /** Where hf:owner/name downloads go (default ~/.cache/infer-lab/hub). */
  cacheDir?: string;
  /** tokenizer.bin for a llama2.c checkpoint, when it is not beside the checkpoint. */
  tokenizer?: string;
  /** Kernels for the `ts` backend (default: the fastest available). */
  kernels?: Kernels;
  /** Hub address for hf: sources (default HF_ENDPOINT or https://huggingface.co). */
  hubEndpoint?: string;
  /** onnxruntime's threads per operator for the `ort` backend (default 2; 1 fares better on a busy machine). */
  threads?: number;
}

export interface LoadedModel {
  model: CausalLM;
  tokenizer: Tokenizer;
}

export async function loadModel(source: string, options: LoadOptions = {}): Promise<LoadedModel> {
  const backend = options.backend ?? 'ts';
  if (backend !== 'ts' && backend !== 'ort') {
    throw new EngineError(`Unknown backend "${backend}" (expected ts or ort)`);
  }
  if (source.startsWith('hf:')) {
    const folder = await downloadFromHub(source.slice(3), {
      cacheDir: options.cacheDir,
      onnx: backend === 'ort',
      endpoint: options.hubEndpoint,
    });
    return loadHfFolder(folder, source.slice(3), options);
  }
  const path = resolve(source);
  if (!existsSync(path)) {
    throw new EngineError(
      `Model not found: ${source} (expected a llama2.c checkpoint file, a Hugging Face model folder, or hf:owner/name)`,
    );
  }
  return statSync(path).isDirectory()
    ? loadHfFolder(path, basename(path), options)
    : loadLlama2c(path, options);
}

async function loadHfFolder(dir: string, name: string, options: LoadOptions): Promise<LoadedModel> {
  let model: CausalLM;
  if (options.backend === 'ort') {
    const configPath = join(dir, 'config.json');
    if (!existsSync(configPath))
      throw new EngineError(`${dir} has no config.json (not a Hugging Face model folder)`);
    model = await createOrtModel(join(dir, 'onnx', 'model.onnx'), name, await readHfConfig(configPath), {
      threads: options.threads,
    });
  } else {
    const { config, weights } = await readHfModelFolder(dir);
    model = new LlamaModel(name, config, weights, options.kernels);
  }
  const tokenizer = await readHfTokenizer(dir, model.config);
  checkVocab(tokenizer, model.config, dir);
  return { model, tokenizer };
}

async function loadLlama2c(path: string, options: LoadOptions): Promise<LoadedModel> {
  if (options.backend === 'ort') {
    throw new EngineError(
      `The ort backend runs an ONNX export (onnx/model.onnx in a Hugging Face folder); ${path} is a llama2.c checkpoint: use backend 'ts'`,
    );
  }
  const { config, weights } = await readLlama2cCheckpoint(path);
  const tokenizerPath = options.tokenizer ?? join(dirname(path), 'tokenizer.bin');
  if (!existsSync(tokenizerPath)) {
    throw new EngineError(`No tokenizer for ${path}: ${tokenizerPath} is missing (pass options.tokenizer)`);
  }
  const tokenizer = await readLlama2cTokenizer(tokenizerPath, config.vocabSize);
  return { model: new LlamaModel(basename(path), config, weights, options.kernels), tokenizer };
}

function checkVocab(tokenizer: Tokenizer, config: ModelConfig, dir: string) {
  if (tokenizer.vocabSize > config.vocabSize) {
    throw new EngineError(
      `${dir}: tokenizer.json has ${tokenizer.vocabSize} tokens but config.json's vocab_size is ${config.vocabSize}`,
    );
  }
}
