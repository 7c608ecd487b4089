// Errors a user can cause. Each has a code the client can act on and a message in both languages.
import type { Locale } from '@infer-lab/quiz';

export const errorMessages = {
  UNAUTHENTICATED: { en: 'Please sign in first.', 'zh-TW': '請先登入。' },
  BAD_CREDENTIALS: { en: 'Wrong email or password.', 'zh-TW': '電子郵件或密碼錯誤。' },
  FORBIDDEN: { en: 'You do not have access to this.', 'zh-TW': '你沒有權限存取此內容。' },
  NOT_FOUND: { en: 'This assignment does not exist.', 'zh-TW': '找不到這份作業。' },
  INVALID_INPUT: { en: 'The request is malformed: {detail}', 'zh-TW': '請求格式錯誤：{detail}' },
  DEADLINE_PASSED: {
    en: 'The deadline ({deadline}) has passed: this submission was not counted.',
    'zh-TW': '已超過截止時間（{deadline}），此次提交不予計分。',
  },
  NOT_OPEN: { en: 'This assignment is not open yet.', 'zh-TW': '這份作業尚未開放。' },
  UNKNOWN_QUESTION: { en: 'Unknown question {questionId}.', 'zh-TW': '題目 {questionId} 不存在。' },
  UNKNOWN_PART: {
    en: 'Question {questionId} has no part {part}.',
    'zh-TW': '題目 {questionId} 沒有第 {part} 小題。',
  },
  UNKNOWN_OPTION: {
    en: 'Question {questionId} has no option {optionId}.',
    'zh-TW': '題目 {questionId} 沒有選項 {optionId}。',
  },
  WRONG_PART_KIND: {
    en: 'Part {part} of question {questionId} takes another kind of answer.',
    'zh-TW': '題目 {questionId} 第 {part} 小題的作答類型不符。',
  },
  DUPLICATE_OPTION: {
    en: 'Option {optionId} of question {questionId} was chosen twice.',
    'zh-TW': '題目 {questionId} 的選項 {optionId} 重複選取。',
  },
  MALFORMED: { en: 'The answers are malformed.', 'zh-TW': '作答內容格式錯誤。' },
  UNKNOWN_UPLOAD: {
    en: 'The image for question {questionId} was not found; upload it again.',
    'zh-TW': '找不到題目 {questionId} 的圖片，請重新上傳。',
  },
  FILE_TOO_LARGE: { en: 'The image is larger than 5 MB.', 'zh-TW': '圖片超過 5 MB。' },
  FILE_TYPE: {
    en: 'Only PNG, JPEG and WebP images are accepted.',
    'zh-TW': '只接受 PNG、JPEG 與 WebP 圖片。',
  },
  NOT_UPLOAD_PART: {
    en: 'Question {questionId} takes no image.',
    'zh-TW': '題目 {questionId} 不需上傳圖片。',
  },
  INVALID_CONTENT: { en: 'The question is invalid: {detail}', 'zh-TW': '題目內容有誤：{detail}' },
  VERSION_CONFLICT: {
    en: 'Someone else changed this quiz meanwhile; reload and apply your edit again.',
    'zh-TW': '此測驗已被他人修改，請重新載入後再套用。',
  },
  PART_STRUCTURE: {
    en: 'An edit may change texts, options and keys, but not the number or kind of parts of {questionId}.',
    'zh-TW': '編輯可修改文字、選項與答案，但不可改變 {questionId} 小題的數量或類型。',
  },
  NOT_PENDING: { en: 'This part has no image waiting for a grade.', 'zh-TW': '此小題沒有待評分的圖片。' },
  BAD_GRADE: { en: 'A grade must be between 0 and {max}.', 'zh-TW': '分數必須介於 0 與 {max} 之間。' },
  UNKNOWN_STUDENT: { en: 'No such student in this course.', 'zh-TW': '此課程沒有這位學生。' },
  CODE_TEMPLATE: {
    en: 'Only the code between the TODO markers may change: {detail}',
    'zh-TW': '只能修改 TODO 標記之間的程式碼：{detail}',
  },
  UNKNOWN_BLANK: { en: 'This code blank does not exist.', 'zh-TW': '找不到這個程式填空題。' },
  GRADER_UNAVAILABLE: {
    en: 'No grader answered in time; your code was not lost, please try again.',
    'zh-TW': '評分服務暫時沒有回應，你的程式碼沒有遺失，請再試一次。',
  },
  TOO_MANY_REQUESTS: {
    en: 'Too many attempts; wait a minute and try again.',
    'zh-TW': '嘗試次數過多，請稍候一分鐘再試。',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type ErrorCode = keyof typeof errorMessages;

const httpStatus: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  BAD_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  DEADLINE_PASSED: 409,
  NOT_OPEN: 409,
  UNKNOWN_QUESTION: 400,
  UNKNOWN_PART: 400,
  UNKNOWN_OPTION: 400,
  WRONG_PART_KIND: 400,
  DUPLICATE_OPTION: 400,
  MALFORMED: 400,
  UNKNOWN_UPLOAD: 400,
  FILE_TOO_LARGE: 413,
  FILE_TYPE: 415,
  NOT_UPLOAD_PART: 400,
  TOO_MANY_REQUESTS: 429,
  INVALID_CONTENT: 400,
  VERSION_CONFLICT: 409,
  PART_STRUCTURE: 400,
  NOT_PENDING: 409,
  BAD_GRADE: 400,
  UNKNOWN_STUDENT: 404,
  CODE_TEMPLATE: 400,
  UNKNOWN_BLANK: 404,
  GRADER_UNAVAILABLE: 503,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
  get status(): number {
    return httpStatus[this.code];
  }
  messageIn(locale: Locale): string {
    return errorMessages[this.code][locale].replace(/\{(\w+)\}/g, (_, key: string) =>
      String(this.params[key] ?? ''),
    );
  }
}
