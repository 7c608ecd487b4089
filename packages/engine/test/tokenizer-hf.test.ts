import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { EngineError } from '../src/errors.ts';
import { readHfTokenizer } from '../src/tokenizer/hf.ts';
import { fixturesDir } from './fixtures/paths.ts';

const fallback = { bosTokenId: 1, eosTokenId: 2 };

test('tokenizer.json through AutoTokenizer: byte-level BPE, BOS on request, decode drops specials', async () => {
  const tokenizer = await readHfTokenizer(join(fixturesDir, 'tiny-hf-tokenizer'), fallback);
  assert.equal(tokenizer.vocabSize, 267);
  assert.equal(tokenizer.bosTokenId, 1);
  assert.equal(tokenizer.eosTokenId, 2);
  // Merges (see the fixture's README): In, Ġthe, then Ġ b e g i n n i n g → Ġbe g in n ing.
  const ids = tokenizer.encode('In the beginning');
  assert.deepEqual(ids, [1, 262, 261, 266, 106, 263, 113, 264]);
  assert.deepEqual(tokenizer.encode('In the beginning', { bos: false }), ids.slice(1));
  assert.equal(tokenizer.decode([...ids, 2]), 'In the beginning');
  assert.equal(tokenizer.decode(tokenizer.encode('café ✓')), 'café ✓');
});

test('a folder without tokenizer.json is an EngineError naming it', async () => {
  await assert.rejects(readHfTokenizer(join(fixturesDir, 'no-such-model'), fallback), (error: unknown) => {
    assert.ok(error instanceof EngineError);
    assert.match(error.message, /no-such-model has no tokenizer\.json/);
    return true;
  });
});
