// Downloads a model folder from the Hugging Face Hub into a local cache, once. Without network the
// error names the model and says which local folder to pass instead.
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readFile, rename } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import { describeError, EngineError } from './errors.ts';

export const DEFAULT_HUB_CACHE = join(homedir(), '.cache', 'infer-lab', 'hub');
const DEFAULT_ENDPOINT = 'https://huggingface.co';
const TOKENIZER_FILES = ['tokenizer.json', 'tokenizer_config.json'];

export interface HubOptions {
  cacheDir?: string;
  /** Also fetch onnx/model.onnx (for the `ort` backend). */
  onnx?: boolean;
  revision?: string;
  /** The Hub's address; HF_ENDPOINT or https://huggingface.co by default. */
  endpoint?: string;
}

/** `owner/name` → the local folder holding its config, tokenizer and weights (downloaded if needed). */
export async function downloadFromHub(repo: string, options: HubOptions = {}): Promise<string> {
  if (!/^[\w.-]+\/[\w.-]+$/.test(repo)) {
    throw new EngineError(`"hf:${repo}" is not a Hugging Face model id; expected hf:owner/name`);
  }
  const cacheDir = options.cacheDir ?? DEFAULT_HUB_CACHE;
  const revision = options.revision ?? 'main';
  const endpoint = (options.endpoint ?? process.env.HF_ENDPOINT ?? DEFAULT_ENDPOINT).replace(/\/$/, '');
  const folder = join(cacheDir, repo, revision);
  const offlineHint = () =>
    `Without network, download it elsewhere and pass its local folder instead (config.json, model.safetensors, tokenizer.json), or copy those files into ${folder}.`;

  const download = async (file: string, required = true): Promise<boolean> => {
    const target = join(folder, file);
    if (existsSync(target)) return true;
    const url = `${endpoint}/${repo}/resolve/${encodeURIComponent(revision)}/${file}`;
    let response: Response;
    try {
      const headers: Record<string, string> = process.env.HF_TOKEN
        ? { authorization: `Bearer ${process.env.HF_TOKEN}` }
        : {};
      response = await fetch(url, { headers, redirect: 'follow' });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new EngineError(
        `Cannot download hf:${repo} (${file} from ${endpoint}): ${cause?.code ?? cause?.message ?? describeError(error)}. ${offlineHint()}`,
        { cause: error },
      );
    }
    if (!response.ok) await response.body?.cancel(); // frees the connection for the next request
    if (response.status === 404 && !required) return false;
    if (!response.ok) {
      throw new EngineError(
        `Cannot download hf:${repo}: ${url} answered ${response.status} ${response.statusText}${response.status === 401 ? ' (a private or gated model: set HF_TOKEN)' : ''}. ${offlineHint()}`,
      );
    }
    await mkdir(dirname(target), { recursive: true });
    const partial = `${target}.partial-${process.pid}`;
    if (!response.body) throw new EngineError(`Cannot download hf:${repo}: ${url} sent no body`);
    await pipeline(Readable.fromWeb(response.body as ReadableStream), createWriteStream(partial));
    await rename(partial, target); // a file in the cache is always complete
    return true;
  };

  await download('config.json');
  for (const file of TOKENIZER_FILES) await download(file, file === 'tokenizer.json');
  const indexPath = join(folder, 'model.safetensors.index.json');
  const sharded = existsSync(indexPath) || !(await download('model.safetensors', false));
  if (sharded) {
    if (!(await download('model.safetensors.index.json', false))) {
      throw new EngineError(
        `hf:${repo} has neither model.safetensors nor model.safetensors.index.json at ${endpoint}`,
      );
    }
    const index = JSON.parse(await readFile(indexPath, 'utf8'));
    for (const shard of new Set(Object.values(index.weight_map ?? {}) as string[])) await download(shard);
  }
  if (options.onnx) await download('onnx/model.onnx');
  return folder;
}
