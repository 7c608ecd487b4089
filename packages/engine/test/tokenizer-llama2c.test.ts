import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { EngineError } from '../src/errors.ts';
import { readLlama2cTokenizer } from '../src/tokenizer/llama2c.ts';
import { missing, readFixture, stories260KDir } from './fixtures/paths.ts';

const absent = missing(stories260KDir, ['tokenizer.bin']);
const tokenizerPath = join(stories260KDir, 'tokenizer.bin');

test("encode matches run.c's BPE, byte fallback included, and decode inverts it", async (t) => {
  if (absent) return t.skip(`stories260K not found: ${absent}`);
  const tokenizer = await readLlama2cTokenizer(tokenizerPath, 512);
  const { fields } = readFixture('tinystories-260k-encode.txt');
  const prompt = fields.prompt!;
  const ids = tokenizer.encode(prompt);
  assert.deepEqual(ids, [1, ...fields.ids!.split(' ').map(Number)]);
  assert.ok(
    ids.some((id) => id >= 3 && id < 259),
    'the prompt exercises byte-fallback tokens',
  );
  assert.equal(tokenizer.decode(ids), prompt);
  assert.deepEqual(tokenizer.encode(prompt, { bos: false }), ids.slice(1));
  assert.equal(tokenizer.decode(ids.slice(1)), prompt);
  assert.deepEqual(tokenizer.encode(''), [1]);
});

test('byte tokens decode to raw bytes and BOS/EOS print nothing', async (t) => {
  if (absent) return t.skip(`stories260K not found: ${absent}`);
  const tokenizer = await readLlama2cTokenizer(tokenizerPath, 512);
  assert.equal(tokenizer.pieces.length, 512);
  assert.equal(tokenizer.decode([0x0a + 3]), '\n'); // <0x0A>
  assert.equal(tokenizer.decode([1, 0xc3 + 3, 0xa9 + 3, 2]), 'é'); // <0xC3><0xA9>
  assert.throws(() => tokenizer.decode([512]), /outside the vocabulary \(size 512\)/);
});

test('a truncated tokenizer.bin is an EngineError naming the file', async (t) => {
  if (absent) return t.skip(`stories260K not found: ${absent}`);
  const { readFile } = await import('node:fs/promises');
  const bytes = await readFile(tokenizerPath);
  const truncated = join(tmpdir(), `truncated-tokenizer-${process.pid}.bin`);
  await writeFile(truncated, bytes.subarray(0, 3000));
  await assert.rejects(readLlama2cTokenizer(truncated, 512), (error: unknown) => {
    assert.ok(error instanceof EngineError);
    assert.match(error.message, /truncated-tokenizer-\d+\.bin is truncated .* needs 512 tokens/);
    return true;
  });
  await assert.rejects(
    readLlama2cTokenizer(join(tmpdir(), 'no-such-tokenizer.bin')),
    /Cannot read llama2.c tokenizer .*no-such-tokenizer.bin/,
  );
});
