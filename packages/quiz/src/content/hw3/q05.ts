import type { Question } from '../../types.ts';
import { choice, text } from '../builders.ts';
import { md } from '../markdown.ts';

export const q05: Question = {
  id: 'q05',
  number: 5,
  section: 'paper',
  stem: text(
    '參考論文 SpecInfer: Accelerating Generative Large Language Model Serving with Tree-based Speculative Inference and Verification, 下列關於 SpecInfer 架構中 Learning-based Speculator 與 Token Tree Verifier 的敘述哪些是正確的?',
    'With reference to the paper *SpecInfer: Accelerating Generative Large Language Model Serving with Tree-based Speculative Inference and Verification*, which of the following statements about the **Learning-based Speculator** and the **Token Tree Verifier** in the SpecInfer architecture is correct?',
  ),
  parts: [
    choice({
      choose: 1,
      key: ['D'],
      options: [
        text(
          md`在 Learning-based Speculator 使用 expansion-based token tree construction 建立 token tree 是考量到 small speculative model 的 top-$k$ tokens 在 $k$ 很小但大於 1 時, 除了 $k = 1$ 的 token, 其他 tokens 也很有可能為要加速的 LLM 所接受; 尤其在 LLM 使用 greedy decoding 時驗證 small speculative model 的 top-$k$ tokens, 如果去除 $k = 1$ 的情況, 獲得的驗證成功率會比 LLM 使用 stochastic decoding 還要高 (詳見 Table 1)`,
          md`The reason why the Learning-based Speculator uses **expansion-based token tree construction** to build a token tree is that, when $k$ is small but greater than 1, besides the token corresponding to $k = 1$, the other top-$k$ tokens from the small speculative model are also likely to be accepted by the LLM being accelerated. In particular, when the LLM uses greedy decoding to verify the small speculative model's top-$k$ tokens, if the $k = 1$ case is excluded, the resulting verification success rate is higher than when the LLM uses stochastic decoding (see Table 1 for details)`,
        ),
        text(
          '在 Learning-based Speculator 使用 Merge-based token tree construction, 必須先準備多個 small speculative models 透過 boosting 的方式訓練, 使它們的輸出分佈盡可能接近 LLM 的輸出; 具體的 boosting 訓練方式是先讓 LLM 對多個 prompt 產生輸出拿來訓練第 1 個 small speculative model, 訓練完後只要 LLM 跟 small speculative model 對同一個 prompt 輸出相同的 tokens, 就把該資料標記, 再來訓練下一個 small speculative model 時, 就把標記資料的權重調低用相同的資料量訓練, 希望多個 speculative models 彼此輸出越接近越好',
          'When the Learning-based Speculator uses **merge-based token tree construction**, it is necessary to first prepare multiple small speculative models and train them with a boosting-based method so that their output distributions are as close as possible to that of the LLM. Specifically, the boosting procedure is as follows: first, let the LLM generate outputs for multiple prompts and use them to train the first small speculative model; after training, as long as the LLM and the small speculative model generate the same tokens for the same prompt, that data is marked. Then, when training the next small speculative model, the marked data is assigned lower weight while keeping the same amount of training data, with the goal of making the outputs of multiple speculative models as similar to each other as possible',
        ),
        text(
          md`如果 Learning-based Speculator 產生四個 speculated token sequences: “machine learning model works”, “machine vision system adapts”, “machine vision system scales”, “machine learning model improves” 並將它們合成一個 token tree, 該 token tree 的 expansion configuration 是 $\langle 2, 2, 1 \rangle$`,
          md`Suppose the Learning-based Speculator generates four speculated token sequences: “machine learning model works”, “machine vision system adapts”, “machine vision system scales”, “machine learning model improves”, and merges them into a token tree. Then the expansion configuration of that token tree is $\langle 2, 2, 1 \rangle$`,
        ),
        text(
          '在 Token Tree Verifier 用 LLM 驗證 speculated token sequences 時, 因為多個 sequences 共享部份的 prefix, 可以將共享 prefix 的 key 和 value 只存一份在 kv cache 中, 避免每個 sequence 都要存一份相同的 key 和 value, 同時節省計算與儲存 key 和 value 的時間空間',
          'When the Token Tree Verifier uses the LLM to verify speculated token sequences, since multiple sequences share part of the prefix, the keys and values of the shared prefix can be stored only once in the KV cache, instead of storing an identical copy of the keys and values for each sequence, thereby saving both the computation time and the memory space needed for computing and storing keys and values',
        ),
        text(
          'Token Tree Verifier 使用的 LLM 會透過 pipeline model parallelism 同時在多張 GPU 跑 LLM 同一層 transformer layer 的運算, 以及透過 tensor model parallelism 把 LLM 多個 transformer layers 分配到多張 GPU 運算',
          'The LLM used by the Token Tree Verifier uses **pipeline model parallelism** to run the computation of the same Transformer layer of the LLM simultaneously across multiple GPUs, and uses **tensor model parallelism** to distribute multiple Transformer layers of the LLM across multiple GPUs for computation',
        ),
      ],
    }),
  ],
  explanation: {
    'zh-TW': md`
      答案是 D。Token Tree Verifier 以 tree-based parallel decoding 一次驗證整棵 token tree, 共享 prefix 的 key 與 value 在 KV cache 中只計算、儲存一次。

      - A 錯: Table 1 中每個 $k \geq 2$ 都是 stochastic decoding 的驗證成功率高於 greedy decoding (例如 Alpaca $k = 2$: greedy 77%、stochastic 81%), 與選項所說相反。
      - B 錯: boost-tuning 的目的是讓多個 small speculative models 的輸出**多樣化**、彼此互補 (後面的模型專注在前面的模型沒猜中的資料), 而不是讓它們彼此越接近越好。
      - C 錯: 根節點 “machine” 有 2 個子節點 (learning、vision), 它們各只有 1 個子節點 (model、system), 再各有 2 個子節點 (works/improves、adapts/scales), 所以 expansion configuration 是 $\langle 2, 1, 2 \rangle$。
      - E 錯: pipeline 與 tensor model parallelism 的描述顛倒了: tensor model parallelism 把同一層的運算切到多張 GPU, pipeline model parallelism 把不同層分配到不同 GPU。
    `,
    en: md`
      The answer is D. The Token Tree Verifier checks the whole token tree at once with tree-based parallel decoding, so the keys and values of a shared prefix are computed and stored in the KV cache only once.

      - A is false: in Table 1 stochastic decoding verifies better than greedy decoding for every $k \geq 2$ (Alpaca, $k = 2$: 77% greedy against 81% stochastic), the opposite of the claim.
      - B is false: boost-tuning aims to make the small speculative models **diverse** and complementary (each later model focuses on the data the earlier ones missed), not as similar to each other as possible.
      - C is false: the root “machine” has 2 children (learning, vision), each of those has 1 child (model, system), and each of those has 2 (works/improves, adapts/scales), so the expansion configuration is $\langle 2, 1, 2 \rangle$.
      - E is false: the two kinds of parallelism are swapped: tensor model parallelism splits one layer's computation across GPUs, pipeline model parallelism places different layers on different GPUs.
    `,
  },
};
