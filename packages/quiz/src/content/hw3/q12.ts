import type { Question } from '../../types.ts';
import { choice, text } from '../builders.ts';
import { codeBlock, md } from '../markdown.ts';

const code = codeBlock(
  'python',
  `
  # Compute accept ratio min(1, p(x)/q(x)) and sample Bernoulli accept.
  ratio = torch.clamp(p_x / (q_x + eps), max=1.0)
  accept = torch.rand_like(ratio) < ratio
  `,
);

export const q12: Question = {
  id: 'q12',
  number: 12,
  section: 'coding',
  stem: {
    'zh-TW': md`
      參考論文 Accelerating Large Language Model Decoding with Speculative Sampling, 關於 **Manual Speculative Decoding** 實驗中, 對 \`manual_speculative_step_causal\` 函式裡其中一程式 \`ratio = torch.clamp(p_x / (q_x + eps), max=1.0)\` 的描述哪項是正確的? (assistant model 的意思等同 draft model 和 approximation model)

      ${code}
    `,
    en: md`
      With reference to the paper *Accelerating Large Language Model Decoding with Speculative Sampling*, which of the following statements correctly describes the purpose of the line of code \`ratio = torch.clamp(p_x / (q_x + eps), max=1.0)\` in the \`manual_speculative_step_causal\` function used in the **Manual Speculative Decoding** experiment? (Here, “assistant model” is equivalent to “draft model” and “approximation model”)

      ${code}
    `,
  },
  parts: [
    choice({
      choose: 1,
      key: ['A'],
      options: [
        text(
          '這是為了決定 target model 是否要接受 assistant model 預測的 token',
          'This is used to decide whether the target model should accept the token predicted by the assistant model',
        ),
        text(
          '這是為了計算 assistant model 的損失函數, 用於訓練它更接近 target model',
          'This is used to compute the loss function of the assistant model, in order to train it to better match the target model',
        ),
        text(
          '這是為了動態調整 assistant model 一次 speculative decoding step 預測的 token 數',
          'This is used to dynamically adjust the number of tokens predicted by the assistant model in one speculative decoding step',
        ),
        text(
          '這是為了實作 top_p sampling, 透過限制累積分佈機率來過濾掉低機率的 tokens',
          'This is used to implement top-p sampling by filtering out low-probability tokens through constraining the cumulative distribution probability',
        ),
      ],
    }),
  ],
  explanation: {
    'zh-TW': md`
      答案是 A。$\min\left(1, \frac{p(x)}{q(x)}\right)$ 正是 draft token $x$ 被接受的機率: 下一行 \`torch.rand_like(ratio) < ratio\` 抽一個 Bernoulli 試驗, 以這個機率接受 assistant model 預測的 token。這一步不涉及訓練 (B)、不調整每步草擬的 token 數 (C), 也與 top-p sampling (D) 無關。
    `,
    en: md`
      The answer is A. $\min\left(1, \frac{p(x)}{q(x)}\right)$ is the probability of accepting the draft token $x$: the next line, \`torch.rand_like(ratio) < ratio\`, draws a Bernoulli trial that accepts the assistant's token with exactly that probability. Nothing here trains a model (B), changes how many tokens are drafted per step (C), or implements top-p sampling (D).
    `,
  },
};
