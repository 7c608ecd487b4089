import type { Question } from '../../types.ts';
import { choice, text } from '../builders.ts';
import { md } from '../markdown.ts';

export const q13: Question = {
  id: 'q13',
  number: 13,
  section: 'coding',
  stem: text(
    md`在 **Manual Speculative Decoding** 實驗中, 請分別使用 \`normal prompt\` 和 \`simple prompt\` 執行 \`speculative_generate_manual_seq2seq\` 函式, 分析所獲得的執行時間以及接受率 \`alpha\`, 並選出以下正確的敘述。`,
    md`In the **Manual Speculative Decoding** experiment, run the \`speculative_generate_manual_seq2seq\` function with both a **normal prompt** and a **simple prompt**, analyze the resulting execution time and acceptance rate $\alpha$, and choose the correct statements below.`,
  ),
  parts: [
    choice({
      choose: 2,
      key: ['B', 'C'],
      options: [
        text(
          md`用 \`simple prompt\` 執行時間比 \`normal prompt\` 短的主因是 \`simple prompt\` 的輸入 token 數更少`,
          'The main reason why execution with the simple prompt is faster than with the normal prompt is that the simple prompt has fewer input tokens',
        ),
        text(
          md`如果 \`alpha\` 足夠高, 提昇 \`gamma\` 所帶來的加速效果提昇, 是比低的 \`alpha\` 值還要更高的`,
          md`If $\alpha$ is sufficiently high, then the speedup improvement brought by increasing $\gamma$ is greater than when $\alpha$ is low`,
        ),
        text(
          md`用 \`simple prompt\` 執行時間比 \`normal prompt\` 短的主因是 \`target model\` 和 \`assistant model\` 用 \`simple prompt\` 生成時, 兩者 token 的機率分佈比用 \`normal prompt\` 更相近`,
          'The main reason why execution with the simple prompt is faster than with the normal prompt is that, when generating from the simple prompt, the probability distributions of the target model and the assistant model are closer to each other than when generating from the normal prompt',
        ),
        text(
          md`因為 \`Speculative Decoding\` 本身就是帶有隨機性的演算法, 即使理論上確保 \`speculative\` 跟 \`autoregressive generation\` 都能有相同的輸出, 在所有參數都固定的情況下, 還是有可能因為隨機性導致一樣的程序重複執行, 會有不一樣的 \`alpha\` 跟輸出的文字內容`,
          md`Because Speculative Decoding itself is a stochastic algorithm, even though it is theoretically guaranteed that speculative generation and autoregressive generation can produce the same output distribution, it is still possible that, with all parameters fixed, repeated runs of the same code may produce different $\alpha$ values and different generated text due to randomness`,
        ),
      ],
    }),
  ],
  explanation: {
    'zh-TW': md`
      答案是 B、C。

      - A 錯: 兩個 prompt 的長度差異對執行時間的影響不大, 時間主要花在逐步生成上, 而每步能產生多少 tokens 取決於接受率。
      - B 對: 每個 step 預期產生 $\frac{1 - \alpha^{\gamma + 1}}{1 - \alpha}$ 個 tokens。$\alpha$ 高時, 增加 $\gamma$ 能讓每步多產生不少 tokens; $\alpha$ 低時這個值很快就飽和在 $\frac{1}{1 - \alpha}$ 附近, 多草擬的 tokens 大多被拒絕。
      - C 對: simple prompt 讓兩個模型的下一個 token 分佈更接近, 接受率 $\alpha$ 較高, 每個 step 接受更多 tokens, 所以較快。
      - D 錯: 隨機性來自抽樣, 而抽樣由隨機種子決定; 所有參數 (包含隨機種子, 或使用 greedy decoding) 都固定時, 重複執行同一段程式會得到相同的 $\alpha$ 與相同的輸出文字。(這個選項的判斷前提是實驗固定了隨機種子或使用 greedy decoding。)
    `,
    en: md`
      The answer is B and C.

      - A is false: the difference in prompt length barely affects the run time, which is spent generating step by step; how many tokens each step yields depends on the acceptance rate.
      - B is true: a step yields $\frac{1 - \alpha^{\gamma + 1}}{1 - \alpha}$ tokens on average. With a high $\alpha$, a larger $\gamma$ adds many tokens per step; with a low $\alpha$ the figure quickly saturates near $\frac{1}{1 - \alpha}$ and the extra drafts are mostly rejected.
      - C is true: with the simple prompt the two models' next-token distributions are closer, so $\alpha$ is higher and each step accepts more tokens, which makes it faster.
      - D is false: the randomness comes from sampling, and sampling is driven by the random seed; with every parameter fixed (the seed included, or with greedy decoding), rerunning the same code gives the same $\alpha$ and the same text. (This reading assumes the experiment fixes the seed or decodes greedily.)
    `,
  },
};
