import type { Question } from '../../types.ts';
import { choice, text } from '../builders.ts';
import { md } from '../markdown.ts';

export const q14: Question = {
  id: 'q14',
  number: 14,
  section: 'coding',
  stem: {
    'zh-TW': md`
      完成 **Benchmark with Two Prompt Regimes** 實驗後，根據最後產生的圖片選出正確的敘述：

      根據使用的 GPU 不同和部份隨機性, 產生的圖片可能不同, 作業投影片提供了在 T4、A100、L4 與 G4 VM 上執行實驗後產生的圖片供同學參考 (Prompt Regime Comparison: Low vs High Utilization)。
    `,
    en: md`
      After completing the **Benchmark with Two Prompt Regimes** experiment, select the correct statement based on the final generated figure:

      Because the generated figure may differ depending on the GPU used and some randomness, the homework slides show figures produced by running the experiment on a T4, an A100, an L4 and a G4 VM for students' reference (Prompt Regime Comparison: Low vs High Utilization).
    `,
  },
  parts: [
    choice({
      choose: 1,
      key: ['D'],
      options: [
        text(
          '無論使用何種 prompt 或 assistant model, 加速效果都隨著 gamma 增加, 呈現遞增或遞減的趨勢',
          'Regardless of which prompt or assistant model is used, the speedup always shows either a monotonically increasing or monotonically decreasing trend as gamma increases',
        ),
        text(
          md`使用 \`high_util_prompt\` 時, speculative decoding 獲得的加速效果都會比使用 \`low_util_prompt\` 還要高 2 倍`,
          md`When using \`high_util_prompt\`, the speedup obtained by speculative decoding is always twice as high as when using \`low_util_prompt\``,
        ),
        text(
          '在 sample code 中只要使用 speculative decoding, 至少就能有大於 1.5 倍的加速效果',
          'In the sample code, as long as speculative decoding is used, the speedup is guaranteed to be greater than 1.5×',
        ),
        text(
          '平均而言, N-gram 會比使用 gemma-3-270m-it 當 assistant model 有更快的加速效果',
          'On average, N-gram achieves faster speedup than using gemma-3-270m-it as the assistant model',
        ),
      ],
    }),
  ],
  explanation: {
    'zh-TW': md`
      答案是 D。N-gram 直接從已出現的文字中查找草稿, 幾乎不花時間, 所以平均而言比用 gemma-3-270m-it 草擬 (每個 token 都要跑一次小模型) 的加速效果更好。

      - A 錯: 圖中加速效果隨 gamma 的變化並不單調, 常常先升後降或上下起伏。
      - B 錯: 兩種 prompt 的加速效果比值並非固定為 2 倍。
      - C 錯: 某些設定 (尤其在 T4 上) 的加速效果低於 1.5 倍, 甚至比一般 autoregressive generation 還慢。
    `,
    en: md`
      The answer is D. N-gram drafting looks drafts up in text that has already appeared and costs almost nothing, so on average it speeds generation up more than drafting with gemma-3-270m-it, which runs a small model for every drafted token.

      - A is false: the speedup curves are not monotonic in gamma; they often rise then fall, or wander.
      - B is false: the ratio between the two prompts' speedups is not a fixed factor of 2.
      - C is false: some settings (especially on a T4) stay below 1.5×, and some are even slower than plain autoregressive generation.
    `,
  },
};
