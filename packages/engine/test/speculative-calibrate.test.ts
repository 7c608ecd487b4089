// Cost calibration for cost-aware γ on the project's pair, target on ort and draft on ts (the
// shape of the numbers only: timings themselves belong in benchmarks).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadModel } from '../src/load.ts';
import { measureSpeculationCosts } from '../src/speculative/calibrate.ts';
import { kjvDraftDir, kjvTargetDir, missing } from './fixtures/paths.ts';

const absent =
  missing(kjvTargetDir, ['config.json', 'onnx/model.onnx']) ??
  missing(kjvDraftDir, ['config.json', 'model.safetensors']);

test('measured costs: unit verify[0], non-decreasing in k, a draft cost only with a draft model', async (t) => {
  if (absent) return t.skip(`the kjv pair is not there: ${absent}`);
  const { model: target } = await loadModel(kjvTargetDir, { backend: 'ort' });
  const { model: draft } = await loadModel(kjvDraftDir, { backend: 'ts' });
  const withDraft = await measureSpeculationCosts(target, draft, { maxGamma: 4, rounds: 3 });
  const { costs } = withDraft;
  t.diagnostic(`target step ${withDraft.targetStepMs.toFixed(2)} ms, costs ${JSON.stringify(costs)}`);
  assert.equal(costs.verify.length, 5);
  assert.equal(costs.verify[0], 1);
  for (let k = 1; k < 5; k++) assert.ok(costs.verify[k]! >= costs.verify[k - 1]!);
  assert.ok(costs.draft > 0 && Number.isFinite(costs.draft));
  assert.ok(withDraft.targetStepMs > 0);
  const ngram = await measureSpeculationCosts(target, undefined, { maxGamma: 2, rounds: 2 });
  assert.equal(ngram.costs.draft, 0);
  assert.equal(ngram.costs.verify.length, 3);
  await target.dispose?.();
});
