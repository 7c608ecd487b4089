import type { Question } from '../../types.ts';
import { choice, same } from '../builders.ts';
import { codeBlock, md } from '../markdown.ts';

const code = codeBlock(
  'python',
  `
  q_full = F.softmax(a_prefix.logits[:, -1, :] / max(temperature, eps), dim=-1)
  # TODO: calculate the difference of distribution of prob between p(x) and q(x)
  diff =
  denom = diff.sum(dim=-1, keepdim=True)
  fallback = torch.argmax(p_i, dim=-1, keepdim=True)
  `,
);

export const q11: Question = {
  id: 'q11',
  number: 11,
  section: 'coding',
  stem: {
    'zh-TW': md`
      參考論文 Accelerating Large Language Model Decoding with Speculative Sampling, 從以下選項選出一項填入 **Manual Speculative Decoding** 實驗中 \`manual_speculative_step_causal\` 函式裡的空格 \`diff = ???\` (assistant model 的意思等同 draft model 和 approximation model)

      ${code}
    `,
    en: md`
      With reference to the paper *Accelerating Large Language Model Decoding with Speculative Sampling*, choose one of the following options to fill in the blank \`diff = ???\` in the \`manual_speculative_step_causal\` function used in the **Manual Speculative Decoding** experiment. (Here, “assistant model” is equivalent to “draft model” and “approximation model”)

      ${code}
    `,
  },
  parts: [
    choice({
      choose: 1,
      key: ['B'],
      options: [
        same('`torch.abs(p_i - q_full)`'),
        same('`torch.clamp(p_i - q_full, min=0)`'),
        same('`torch.abs(q_full - p_i)`'),
        same('`torch.clamp(q_full - p_i, min=0)`'),
      ],
    }),
  ],
  explanation: {
    'zh-TW': md`
      答案是 B。draft token 被拒絕時, 要從殘差分佈 $\text{norm}(\max(0, p(x) - q(x)))$ 重新抽樣 ($p$ 是 target model 的分佈 \`p_i\`, $q$ 是 assistant model 的分佈 \`q_full\`), 也就是 \`torch.clamp(p_i - q_full, min=0)\` 再除以總和 \`denom\` 正規化。這樣修正後, 整體輸出分佈才會與 target model 完全相同。取絕對值 (A、C) 會把 $q > p$ 的部份也算進去; D 的方向相反, 變成偏向 assistant model 高估的 tokens。
    `,
    en: md`
      The answer is B. After a draft token is rejected, the replacement is sampled from the residual distribution $\text{norm}(\max(0, p(x) - q(x)))$, where $p$ is the target's distribution \`p_i\` and $q$ the assistant's \`q_full\`: that is \`torch.clamp(p_i - q_full, min=0)\`, normalised by its sum \`denom\`. This correction is what makes the overall output distribution exactly the target's. Absolute values (A, C) would also count the mass where $q > p$, and D points the wrong way, favouring the tokens the assistant overestimates.
    `,
  },
};
