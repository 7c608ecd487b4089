import type { Question } from '../../types.ts';
import { choice, text } from '../builders.ts';
import { md } from '../markdown.ts';

export const q03: Question = {
  id: 'q03',
  number: 3,
  section: 'paper',
  stem: text(
    '參考論文 Accelerating Large Language Model Decoding with Speculative Sampling, 關於選擇 draft model 加速 target model 推論時要注意的事, 下列哪些敘述是正確的? (draft model 等同前一篇論文的 approximation model)',
    'With reference to the paper *Accelerating Large Language Model Decoding with Speculative Sampling*, which of the following statements are correct regarding what should be considered when choosing a draft model to accelerate inference for a target model? (The draft model is equivalent to the approximation model in the previous paper)',
  ),
  parts: [
    choice({
      choose: 4,
      key: ['A', 'B', 'C', 'D'],
      options: [
        text(
          '如果使用 random sampling (有設 temperature, top-p, top-k) 從模型的輸出分佈隨機選擇輸出的 token, 即使 draft model 預測的 token 跟 target model 輸出的 token 很常相同, 也有可能因為 draft model 的輸出分佈極度集中在幾個 token 導致 draft model 預測的 token 容易被拒絕 (詳見 Algorithm 2)',
          "If random sampling is used to select the output token from the model's output distribution (with temperature, top-p, or top-k applied), then even if the token predicted by the draft model is often the same as the token output by the target model, the token predicted by the draft model may still be likely to be rejected because the draft model's output distribution is extremely concentrated on only a few tokens (see Algorithm 2 for details)",
        ),
        text(
          '只要 draft model 推論速度快且 token 接受率夠高, 並且 draft model 的詞彙表與 target model 相同, 無論要加速哪個 target model 都不需要在意 draft model 的模型架構',
          'As long as the draft model has sufficiently fast inference speed and a sufficiently high token acceptance rate, and the draft model uses the same vocabulary as the target model, then regardless of which target model is being accelerated, there is no need to care about the architecture of the draft model',
        ),
        text(
          '如果使用 greedy decoding 從模型的輸出分佈選擇機率最高的 token 當作輸出的 token, 可以節省 Modified Rejection Sampling 計算 extra token 的時間, 從實驗結果得知加速效果也比使用 random sampling 快一點',
          "If greedy decoding is used to choose the highest-probability token from the model's output distribution as the output token, the time required by Modified Rejection Sampling to compute the extra token can be saved, and experimental results show that the speedup is also slightly better than when random sampling is used",
        ),
        text(
          '在 draft model 一次預測多個 tokens 時, 加速效果受限的原因除了有最後幾個預測 token 會被 target model 拒絕外, 也有可能是 target model 在驗證 draft model 預測的 token 時用多筆輸入跑平行推論, 因為算力不夠導致無法像一次只用一筆輸入跑推論一樣快',
          'When the draft model predicts multiple tokens at once, the speedup may be limited not only because the last few predicted tokens may be rejected by the target model, but also because the target model verifies the tokens predicted by the draft model by running parallel inference on multiple inputs; if the available compute is insufficient, this may not be as fast as running inference on only a single input.',
        ),
        text(
          '即使有模型輸出的機率分佈, 仍無法使用非自回歸生成的模型作為 draft model, 只能用自回歸生成的模型',
          "Even if the model's output probability distributions are available, non-autoregressive generation models still cannot be used as the draft model; only autoregressive generation models can be used",
        ),
      ],
    }),
  ],
  explanation: {
    'zh-TW': md`
      答案是 A、B、C、D。

      - A 對: Algorithm 2 以 $\min\left(1, \frac{q(x)}{p(x)}\right)$ 的機率接受 draft token ($q$ 是 target model、$p$ 是 draft model 的分佈)。若 draft model 的分佈極度集中, 它選中的 token 的 $p(x)$ 接近 1, 而 target model 的 $q(x)$ 較小, 即使兩者最可能的 token 相同, 這個 token 仍常被拒絕。
      - B 對: 演算法只需要 draft model 在相同詞彙表上的機率分佈, 真正影響加速的是 draft model 的速度與接受率, 與它的架構無關。
      - C 對: greedy decoding 只要比較 draft token 是否等於 target model 的 argmax, 修正用的 token 直接取 target model 的 argmax, 不需要 modified rejection sampling。論文 Table 1 的 XSum 結果中 greedy 為 2.01×、nucleus sampling 為 1.92×, 確實稍快 (HumanEval 沒有 greedy 的結果, 所以這個比較只根據 XSum)。
      - D 對: 用 target model 平行驗證多個 tokens 並不是免費的; 算力不夠時, 一次跑多筆輸入會比只跑一筆慢, 這也會限制加速效果。
      - E 錯: 方法只需要 draft model 輸出的機率分佈, 論文也提到可以用能平行預測多個 tokens 的 (非自回歸) 模型來產生草稿。
    `,
    en: md`
      The answer is A, B, C and D.

      - A is true: Algorithm 2 accepts a draft token with probability $\min\left(1, \frac{q(x)}{p(x)}\right)$ ($q$ is the target's distribution, $p$ the draft's). If the draft's distribution is sharply concentrated, $p(x)$ of the token it picks is close to 1 while the target's $q(x)$ is smaller, so that token is often rejected even when both models rank it first.
      - B is true: the algorithm only needs the draft's probabilities over the same vocabulary; what drives the speedup is the draft's speed and acceptance rate, not its architecture.
      - C is true: under greedy decoding a draft token is accepted iff it equals the target's argmax, and the corrected token is simply that argmax, so modified rejection sampling is not needed. Table 1's XSum rows show greedy at 2.01× against nucleus sampling at 1.92×, slightly faster (HumanEval has no greedy row, so the comparison rests on XSum).
      - D is true: scoring several draft tokens in parallel is not free; when compute runs short, a pass over several inputs is slower than a pass over one, which also limits the speedup.
      - E is false: the method only needs the draft's output distributions, and the paper names models that predict several tokens in parallel (non-autoregressive) as possible drafters.
    `,
  },
};
