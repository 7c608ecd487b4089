// The Hugging Face folder path (config.json, safetensors F32/F16, shards) on stories260K written as a
// LlamaForCausalLM folder: it must compute what the llama2.c checkpoint computes.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { configFromHf } from '../src/config.ts';
import { EngineError } from '../src/errors.ts';
import { referenceKernels } from '../src/kernels/reference.ts';
import { LlamaModel } from '../src/model/llama.ts';
import { readHfModelFolder } from '../src/weights/hf.ts';
import { readLlama2cCheckpoint } from '../src/weights/llama2c.ts';
import { float32ToFloat16, readSafetensors, writeSafetensors } from '../src/weights/safetensors.ts';
import { writeHfFolder } from './fixtures/hf-folder.ts';
import { missing, stories260KDir } from './fixtures/paths.ts';

const absent = missing(stories260KDir, ['checkpoint_v1.bin']);
let tmp = '';
before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'engine-hf-'));
});
after(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function logitsOf(model: LlamaModel, tokens: number[]) {
  return model.forward(tokens, model.newCache());
}

test('a Hugging Face folder of stories260K gives the llama2.c logits (F32 exactly, F16 and shards closely)', async (t) => {
  if (absent) return t.skip(`stories260K not found: ${absent}`);
  const { config, weights } = await readLlama2cCheckpoint(join(stories260KDir, 'checkpoint_v1.bin'));
  const tokens = [1, 403, 407, 261, 378, 432, 383, 286];
  const expected = await logitsOf(new LlamaModel('llama2c', config, weights, referenceKernels), tokens);

  for (const [name, options, tolerance] of [
    ['f32', { dtype: 'F32' }, 0],
    ['f16-sharded', { dtype: 'F16', shards: 3 }, 0.05],
  ] as const) {
    const dir = join(tmp, name);
    await writeHfFolder(dir, config, weights, options);
    const loaded = await readHfModelFolder(dir);
    assert.deepEqual(loaded.config, { ...config });
    const actual = await logitsOf(
      new LlamaModel(name, loaded.config, loaded.weights, referenceKernels),
      tokens,
    );
    let maxDiff = 0;
    for (let i = 0; i < expected.length; i++)
      maxDiff = Math.max(maxDiff, Math.abs(actual[i]! - expected[i]!));
    assert.ok(maxDiff <= tolerance, `${name}: max abs logit difference ${maxDiff} > ${tolerance}`);
  }
});

test('safetensors: F16 and BF16 decode, truncation and bad dtypes name the file', async () => {
  const path = join(tmp, 'small.safetensors');
  const values = Float32Array.from([0, 1, -2.5, 65504, 1e-7, 0.1]);
  await writeSafetensors(path, { a: { shape: [2, 3], data: values } }, 'F16');
  const f16 = (await readSafetensors(path)).get('a')!;
  assert.deepEqual(f16.shape, [2, 3]);
  assert.deepEqual([...f16.data.slice(0, 4)], [0, 1, -2.5, 65504]);
  assert.ok(Math.abs(f16.data[4]! - 1e-7) < 6e-8 && Math.abs(f16.data[5]! - 0.1) < 1e-4);
  assert.equal(float32ToFloat16(1), 0x3c00);
  assert.equal(float32ToFloat16(-2), 0xc000);

  // BF16 by hand: the top halves of float32 1.5 and -3.
  const rawFile = (dtype: string, data: number[]) => {
    const header = JSON.stringify({ b: { dtype, shape: [2], data_offsets: [0, 4] } });
    const bytes = Buffer.alloc(8 + header.length + 4);
    bytes.writeBigUInt64LE(BigInt(header.length));
    bytes.write(header, 8);
    for (const [i, half] of data.entries()) bytes.writeUInt16LE(half, 8 + header.length + 2 * i);
    return bytes;
  };
  await writeFile(path, rawFile('BF16', [0x3fc0, 0xc040]));
  assert.deepEqual([...(await readSafetensors(path)).get('b')!.data], [1.5, -3]);

  await writeFile(path, rawFile('BF16', [0x3fc0, 0xc040]).subarray(0, -1));
  await assert.rejects(readSafetensors(path), /small\.safetensors is truncated: tensor b ends at byte/);
  await writeFile(path, rawFile('I8', [0, 0]));
  await assert.rejects(readSafetensors(path), /small\.safetensors: tensor b has dtype I8;/);
  await assert.rejects(readSafetensors(join(tmp, 'absent.safetensors')), /Cannot read .*absent\.safetensors/);
});

test('a tensor whose shape disagrees with config.json names the tensor and file', async (t) => {
  if (absent) return t.skip(`stories260K not found: ${absent}`);
  const { config, weights } = await readLlama2cCheckpoint(join(stories260KDir, 'checkpoint_v1.bin'));
  const dir = join(tmp, 'wrong-shape');
  await writeHfFolder(dir, config, weights);
  const configPath = join(dir, 'config.json');
  const json = JSON.parse(await readFile(configPath, 'utf8'));
  await writeFile(configPath, JSON.stringify({ ...json, intermediate_size: 128 }));
  await assert.rejects(
    readHfModelFolder(dir),
    /wrong-shape\/model\.safetensors: tensor model\.layers\.0\.mlp\.gate_proj\.weight has shape \[172,64\] but config\.json implies \[128,64\]/,
  );
  await writeFile(configPath, JSON.stringify({ ...json, num_hidden_layers: 6 }));
  await assert.rejects(readHfModelFolder(dir), /tensor model\.layers\.5\.input_layernorm\.weight is missing/);
  await rm(join(dir, 'model.safetensors'));
  await assert.rejects(
    readHfModelFolder(dir),
    /has neither model\.safetensors nor model\.safetensors\.index\.json/,
  );
  await assert.rejects(readHfModelFolder(join(tmp, 'nothing-here')), /nothing-here has no config\.json/);
});

test('config.json: an unknown architecture is an EngineError naming it and the file', () => {
  const base = {
    architectures: ['LlamaForCausalLM'],
    hidden_size: 64,
    intermediate_size: 172,
    num_hidden_layers: 2,
    num_attention_heads: 8,
    vocab_size: 512,
    max_position_embeddings: 256,
  };
  const config = configFromHf(
    { ...base, rope_parameters: { rope_type: 'default', rope_theta: 500000 } },
    'c.json',
  );
  assert.equal(config.nKvHeads, 8);
  assert.equal(config.ropeTheta, 500000);
  assert.equal(config.tiedEmbeddings, false);
  assert.throws(
    () => configFromHf({ ...base, architectures: ['GPT2LMHeadModel'] }, '/m/config.json'),
    (error: unknown) =>
      error instanceof EngineError &&
      /\/m\/config\.json: architecture GPT2LMHeadModel is not supported/.test(error.message),
  );
  assert.throws(
    () => configFromHf({ ...base, hidden_size: undefined }, 'c.json'),
    /"hidden_size" must be a positive integer/,
  );
  assert.throws(
    () => configFromHf({ ...base, rope_scaling: { rope_type: 'llama3' } }, 'c.json'),
    /rope type "llama3" is not supported/,
  );
});
