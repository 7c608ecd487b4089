import type { AnswerError } from '@infer-lab/quiz';
import { AppError } from '../errors.ts';

export function answerError(error: AnswerError): AppError {
  return new AppError(error.code, {
    questionId: error.questionId ?? '',
    part: error.part === undefined ? '' : error.part + 1,
    optionId: error.optionId ?? '',
  });
}
