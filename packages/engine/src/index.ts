// @infer-lab/engine: models, loaders, tokenizers and backends (more modules export themselves below).

export { createOrtModel, OrtModel, type OrtOptions } from './backends/ort.ts';
export { configFromHf, readHfConfig } from './config.ts';
export { EngineError } from './errors.ts';
export { type GenerateOptions, type GenerateResult, generate, type StopReason } from './generate.ts';
export { DEFAULT_HUB_CACHE, downloadFromHub, type HubOptions } from './hub.ts';
export { defaultKernels } from './kernels/index.ts';
export { referenceKernels } from './kernels/reference.ts';
export { createThreadedKernels, type ThreadedKernels } from './kernels/threaded.ts';
export type { Kernels } from './kernels/types.ts';
export { createWasmKernels, type WasmKernels } from './kernels/wasm.ts';
export { type LoadedModel, type LoadOptions, loadModel } from './load.ts';
export {
  formatMetrics,
  type GenerationMetrics,
  MetricsRecorder,
  type PositionAcceptance,
} from './metrics.ts';
export { KVWorkspace, LlamaKVCache } from './model/cache.ts';
export { LlamaModel } from './model/llama.ts';
export type { CausalLM, KVCache, ModelConfig, Tokenizer } from './model/types.ts';
export type { LayerWeights, LlamaWeights } from './model/weights.ts';
export { argmax, oneHot, softmax, toDistribution } from './sampling/distribution.ts';
export { greedy, type SamplingParams, validateSamplingParams } from './sampling/params.ts';
// Generation: sampling, speculative decoding, drafters, the generate loop and its metrics.
export { Rng } from './sampling/rng.ts';
export { sampleFromWeights, sampleToken } from './sampling/sample.ts';
export {
  AcceptanceRuleError,
  type AcceptRatioFn,
  checkedAcceptRatio,
  checkedResidual,
  type ResidualFn,
  referenceAcceptRatio,
  referenceResidual,
} from './speculative/acceptance.ts';
export { AdaptiveGamma } from './speculative/adaptive-gamma.ts';
export { type Calibration, formatCalibration, measureSpeculationCosts } from './speculative/calibrate.ts';
export { chiSquarePValue, chiSquareTest, type GoodnessOfFit } from './speculative/chi-square.ts';
export {
  bestGamma,
  CostAwareGamma,
  expectedSpeedup,
  expectedTokens,
  type SpeculationCosts,
  stepCost,
} from './speculative/cost-aware-gamma.ts';
export { ModelDrafter, type ModelDrafterOptions } from './speculative/drafters/model.ts';
export { NgramDrafter, type NgramDrafterOptions, proposeByLookup } from './speculative/drafters/ngram.ts';
export type { Drafter, Proposal } from './speculative/drafters/types.ts';
export { type GammaPolicy, nextGamma, RunningMean, type StepObservation } from './speculative/gamma.ts';
export {
  checkLossless,
  defaultLosslessCases,
  formatLosslessReport,
  type LosslessCase,
  type LosslessOptions,
  type LosslessReport,
  type LosslessTest,
} from './speculative/lossless.ts';
export { type VerifyInput, type VerifyResult, verifyDraft } from './speculative/verify.ts';
export { HfTokenizer, readHfTokenizer } from './tokenizer/hf.ts';
export { Llama2cTokenizer, readLlama2cTokenizer } from './tokenizer/llama2c.ts';
export { llamaWeightsFromHf, readHfModelFolder } from './weights/hf.ts';
export { type Llama2cCheckpoint, readLlama2cCheckpoint } from './weights/llama2c.ts';
export {
  readSafetensors,
  readSafetensorsFolder,
  type Tensor,
  writeSafetensors,
} from './weights/safetensors.ts';
