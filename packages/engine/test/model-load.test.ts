// loadModel on every kind of source, and its user-facing errors (no network needed: the Hub test
// relies on the download failing and checks the advice it gives).
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { EngineError, loadModel } from '../src/index.ts';
import { readLlama2cCheckpoint } from '../src/weights/llama2c.ts';
import { writeHfFolder } from './fixtures/hf-folder.ts';
import { fixturesDir, missing, stories260KDir } from './fixtures/paths.ts';

const absent = missing(stories260KDir, ['checkpoint_legacy.bin', 'tokenizer.bin']);
let tmp = '';
before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'engine-load-'));
});
after(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function engineError(pattern: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof EngineError, `expected an EngineError, got ${error}`);
    assert.match(error.message, pattern);
    return true;
  };
}

test('a llama2.c checkpoint loads with the tokenizer.bin beside it', async (t) => {
  if (absent) return t.skip(`stories260K not found: ${absent}`);
  const { model, tokenizer } = await loadModel(join(stories260KDir, 'checkpoint_legacy.bin'));
  assert.equal(model.name, 'checkpoint_legacy.bin');
  assert.equal(model.backend, 'ts');
  assert.equal(model.config.vocabSize, 512);
  const logits = await model.forward(tokenizer.encode('Once upon a time'), model.newCache());
  assert.equal(logits.length, 5 * 512);
});

test('a Hugging Face folder loads with its tokenizer.json', async (t) => {
  if (absent) return t.skip(`stories260K not found: ${absent}`);
  const { config, weights } = await readLlama2cCheckpoint(join(stories260KDir, 'checkpoint_legacy.bin'));
  const dir = join(tmp, 'stories-hf');
  await writeHfFolder(dir, config, weights);
  for (const file of ['tokenizer.json', 'tokenizer_config.json']) {
    await copyFile(join(fixturesDir, 'tiny-hf-tokenizer', file), join(dir, file));
  }
  const { model, tokenizer } = await loadModel(dir);
  assert.equal(model.name, 'stories-hf');
  assert.deepEqual(model.config, config);
  assert.deepEqual(tokenizer.encode('In the beginning'), [1, 262, 261, 266, 106, 263, 113, 264]);
  await assert.rejects(
    loadModel(dir, { backend: 'ort' }),
    engineError(/The ort backend needs an ONNX export: .*stories-hf\/onnx\/model\.onnx is missing/),
  );
});

test('hf:owner/name without network fails naming the model and the local folder to use instead', async () => {
  // The default endpoint really is tried: offline it fails to connect, online this id does not exist.
  await assert.rejects(
    loadModel('hf:infer-lab-tests/no-such-model', { cacheDir: tmp }),
    engineError(/Cannot download hf:infer-lab-tests\/no-such-model\b.*pass its local folder instead/),
  );
  // A Hub address where nothing listens (a port just freed): a real connection failure, on any machine.
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await assert.rejects(
    loadModel('hf:karpathy/tinyllamas', { cacheDir: tmp, hubEndpoint: `http://127.0.0.1:${port}` }),
    engineError(
      /Cannot download hf:karpathy\/tinyllamas \(config\.json from http:\/\/127\.0\.0\.1:\d+\): ECONNREFUSED\. Without network, .*pass its local folder instead .*karpathy\/tinyllamas\/main/,
    ),
  );
  await assert.rejects(
    loadModel('hf:not a model id', { cacheDir: tmp }),
    engineError(/expected hf:owner\/name/),
  );
});

test('bad sources are EngineErrors naming the path', async (t) => {
  await assert.rejects(loadModel(join(tmp, 'nowhere.bin')), engineError(/Model not found: .*nowhere\.bin/));
  if (absent) return t.skip(`stories260K not found: ${absent}`);
  const lonely = join(tmp, 'lonely.bin');
  await copyFile(join(stories260KDir, 'checkpoint_legacy.bin'), lonely);
  await assert.rejects(
    loadModel(lonely),
    engineError(/No tokenizer for .*lonely\.bin: .*tokenizer\.bin is missing/),
  );
  const { model } = await loadModel(lonely, { tokenizer: join(stories260KDir, 'tokenizer.bin') });
  assert.equal(model.name, 'lonely.bin');
  await assert.rejects(
    loadModel(lonely, { backend: 'ort' }),
    engineError(/lonely\.bin is a llama2\.c checkpoint: use backend 'ts'/),
  );
});

test('hf:owner/name downloads config, tokenizer and weights once into cacheDir (from a local Hub stand-in)', async (t) => {
  if (absent) return t.skip(`stories260K not found: ${absent}`);
  const { config, weights } = await readLlama2cCheckpoint(join(stories260KDir, 'checkpoint_legacy.bin'));
  const served = join(tmp, 'served');
  await writeHfFolder(served, config, weights, { shards: 2 });
  for (const file of ['tokenizer.json', 'tokenizer_config.json']) {
    await copyFile(join(fixturesDir, 'tiny-hf-tokenizer', file), join(served, file));
  }
  const requests: string[] = [];
  const hub = createHttpServer(async (request, response) => {
    requests.push(request.url!);
    const match = /^\/tiny\/stories\/resolve\/main\/([\w.-]+)$/.exec(request.url!);
    try {
      response.end(await readFile(join(served, match![1]!)));
    } catch {
      response.writeHead(404).end('Entry not found');
    }
  }).listen(0, '127.0.0.1');
  await once(hub, 'listening');
  const endpoint = `http://127.0.0.1:${(hub.address() as AddressInfo).port}`;
  const cacheDir = join(tmp, 'hub-cache');
  try {
    const { model, tokenizer } = await loadModel('hf:tiny/stories', { cacheDir, hubEndpoint: endpoint });
    assert.equal(model.name, 'tiny/stories');
    assert.deepEqual(model.config, config);
    assert.equal(tokenizer.decode(tokenizer.encode('In the beginning')), 'In the beginning');
    assert.ok(requests.includes('/tiny/stories/resolve/main/model.safetensors.index.json'));
    assert.ok(requests.includes('/tiny/stories/resolve/main/model-00002-of-00002.safetensors'));
  } finally {
    hub.close();
  }
  // Now served from the cache, with the "Hub" gone.
  const again = await loadModel('hf:tiny/stories', { cacheDir, hubEndpoint: endpoint });
  assert.deepEqual(again.model.config, config);
});
