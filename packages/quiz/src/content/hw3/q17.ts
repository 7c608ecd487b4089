// Q17's key is computed: the option nearest to the lab model's theoretical speedup at N = 2048.
import type { Question } from '../../types.ts';
import { choice, same, text } from '../builders.ts';
import { md } from '../markdown.ts';
import {
  flashAttentionCost,
  HW3_LAB,
  nearestOption,
  standardAttentionCost,
  T4,
  theoreticalSpeedup,
  theoreticalTime,
  tiling,
} from './flash-attention-io.ts';

const N = 2048;
const OPTION_VALUES = [1.835511, 1.899839, 1.934696, 1.952866];
const options = OPTION_VALUES.map((value, i) => ({ id: String.fromCharCode(65 + i), value }));

const speedup = theoreticalSpeedup(N);
const key = nearestOption(speedup, options);
const keyValue = options.find((o) => o.id === key)!.value;
const gap = Math.abs(speedup - keyValue) / speedup;
const standard = standardAttentionCost(N);
const flash = flashAttentionCost(N);
const { colTiles } = tiling(N);
const d = HW3_LAB.headDim;
const fmt = (x: number) => x.toLocaleString('en-US');
/** Inside $…$, a bare comma would be spaced as punctuation. */
const tex = (x: number) => fmt(x).replaceAll(',', '{,}');
const megabytes = (cost: typeof flash) => ((cost.reads + cost.writes) * HW3_LAB.bytesPerElement) / 1e6;
const gflop = (cost: typeof flash) => (cost.flops / 1e9).toFixed(3);
const micros = (cost: typeof flash) => (theoreticalTime(cost) * 1e6).toFixed(1);
const percent = `${Math.round(gap * 100)}%`;
const close = gap <= 0.05;

export const q17: Question = {
  id: 'q17',
  number: 17,
  section: 'coding',
  stem: text(
    md`若 sequence length ($N$) 為 2048, FlashAttention 與 Standard Attention 相比, 在 T4 GPU 的理論加速的倍率最接近下列哪一項?`,
    md`If the sequence length ($N$) is 2048, compared with **Standard Attention**, which of the following is closest to the theoretical speedup of **FlashAttention** on a T4 GPU?`,
  ),
  parts: [choice({ choose: 1, key: [key], options: OPTION_VALUES.map((value) => same(value.toFixed(6))) })],
  explanation: {
    'zh-TW': md`
      答案是 ${key} (${keyValue.toFixed(6)})。理論時間 = 運算量 / 算力 + 搬移的位元組 / 記憶體頻寬, 採用 T4 的規格 (${T4.bandwidth / 1e9} GB/s、fp16 Tensor Core ${T4.fp16Throughput / 1e12} TFLOP/s) 與第 16 題相同的設定 ($d = ${d}$、fp16、$M$ = ${fmt(HW3_LAB.sramElements)} 個元素, 此時 $T_c = ${colTiles}$):

      - Standard Attention: 讀寫 $N(4d + 4N) = ${tex(standard.reads + standard.writes)}$ 個元素 (${megabytes(standard).toFixed(1)} MB)、${gflop(standard)} GFLOP, 約 ${micros(standard)} µs。
      - FlashAttention: 讀 ${fmt(flash.reads)}、寫 ${fmt(flash.writes)} 個元素 (${megabytes(flash).toFixed(1)} MB)、${gflop(flash)} GFLOP, 約 ${micros(flash)} µs。

      理論加速倍率為 ${speedup.toFixed(6)}。${close ? `最接近的選項是 ${key}。` : `最接近的選項是 ${key}, 但仍相差約 ${percent}: 在這個設定下沒有任何選項真正接近, 答案取決於實驗實際使用的 $d$、$M$ 與計算方式。`}
    `,
    en: md`
      The answer is ${key} (${keyValue.toFixed(6)}). Theoretical time = FLOPs / throughput + bytes moved / bandwidth, with a T4's datasheet figures (${T4.bandwidth / 1e9} GB/s, ${T4.fp16Throughput / 1e12} TFLOP/s fp16 on Tensor Cores) and the configuration of Q16 ($d = ${d}$, fp16, $M$ = ${fmt(HW3_LAB.sramElements)} elements, so $T_c = ${colTiles}$):

      - Standard attention reads and writes $N(4d + 4N) = ${tex(standard.reads + standard.writes)}$ elements (${megabytes(standard).toFixed(1)} MB) and does ${gflop(standard)} GFLOP: about ${micros(standard)} µs.
      - FlashAttention reads ${fmt(flash.reads)} and writes ${fmt(flash.writes)} elements (${megabytes(flash).toFixed(1)} MB) and does ${gflop(flash)} GFLOP: about ${micros(flash)} µs.

      The theoretical speedup is ${speedup.toFixed(6)}. ${close ? `The nearest option is ${key}.` : `The nearest option is ${key}, yet it is still about ${percent} away: with this configuration no option is really close, and the answer depends on the $d$, $M$ and cost model the lab actually uses.`}
    `,
  },
};
