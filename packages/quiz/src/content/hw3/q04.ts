import type { Question } from '../../types.ts';
import { choice, text } from '../builders.ts';
import { md } from '../markdown.ts';

export const q04: Question = {
  id: 'q04',
  number: 4,
  section: 'paper',
  stem: text(
    '參考論文 Inference with Reference: Lossless Acceleration of Large Language Models, 下列哪些大型語言模型加速的應用**不符合**論文中 Figure 1 的描述？',
    'With reference to the paper *Inference with Reference: Lossless Acceleration of Large Language Models*, which of the following acceleration applications for large language models do **not** match the description in Figure 1?',
  ),
  parts: [
    choice({
      choose: 2,
      key: ['A', 'D'],
      options: [
        text(
          '在大模型輸出答案前, 先用另一個小模型輸出答案將其視為參考文件, 利用小模型與大模型輸出的文本重疊進行加速',
          "Before the large model outputs an answer, another smaller model is first used to generate an answer, which is treated as a reference document; the overlap between the smaller model's output text and the larger model's output is then exploited for acceleration",
        ),
        text(
          '將過去的問題與答案存入快取, 問模型新問題時, 找出快取中類似的問題與答案, 利用快取中舊的答案作為參考文件來引導推論',
          'Past questions and answers are stored in a cache. When a new question is asked to the model, similar past questions and answers are retrieved from the cache, and the old answers in the cache are used as reference documents to guide inference',
        ),
        text(
          '根據使用者的問題, 從外部資料庫中檢索出多份相關文件作為參考, 並利用生成結果與這些文件之間的重疊性來加速',
          "Based on the user's question, multiple relevant documents are retrieved from an external database as references, and the overlap between the generated result and these documents is exploited for acceleration",
        ),
        text(
          '在模型輸出答案時, 同時監測模型前幾層 logit lens 的輸出, 若與最後一層模型的輸出高度重疊則直接取前幾層的輸出, 省下後幾層模型參數計算的時間',
          'While the model is generating an answer, the outputs of the logit lens from several earlier layers are monitored at the same time. If they highly overlap with the final-layer output, the outputs from the earlier layers are directly used, thereby saving the computation time of the later model layers',
        ),
        text(
          '在多輪對話中, 模型被要求修正或解釋先前的輸出, 此時可以將前幾輪生成的內容視為參考文件, 利用對話間的文本重疊進行加速',
          'In multi-turn conversations, when the model is asked to revise or explain its previous outputs, the content generated in earlier turns can be treated as reference documents, and the textual overlap across conversation turns can be exploited for acceleration',
        ),
      ],
    }),
  ],
  explanation: {
    'zh-TW': md`
      答案是 A、D。Figure 1 描述的情境都是「輸出與某份已存在的參考文件高度重疊」: 檢索增強生成 (C)、以快取中的舊答案作參考 (B)、多輪對話中引用先前的輸出 (E)。

      - A 不符合: 先用小模型生成草稿再驗證, 是 speculative decoding 的做法, 草稿並不是 Figure 1 中的參考文件。
      - D 不符合: 監看前幾層的 logit lens 並提早輸出, 屬於 early exit, 完全沒有用到參考文件。
    `,
    en: md`
      The answer is A and D. Every scenario in Figure 1 is one where the output overlaps heavily with a reference document that already exists: retrieval-augmented generation (C), cached answers to similar questions (B), and earlier turns of a multi-turn conversation (E).

      - A does not match: drafting with a small model and then verifying is speculative decoding; the draft is not a reference document in the sense of Figure 1.
      - D does not match: watching earlier layers through the logit lens and exiting early is early exit, which uses no reference document at all.
    `,
  },
};
