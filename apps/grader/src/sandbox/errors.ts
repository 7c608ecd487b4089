// Verdicts about the student's code (never the grader's fault): each names what went wrong in words
// a student can act on. Anything else thrown while grading is a grader failure (SYSTEM_ERROR).

export type StudentFault =
  | 'compile'
  | 'load'
  | 'timeout'
  | 'cpu'
  | 'memory'
  | 'runtime'
  | 'result'
  | 'output';

export class StudentCodeError extends Error {
  override readonly name = 'StudentCodeError';
  constructor(
    readonly fault: StudentFault,
    message: string,
  ) {
    super(message);
  }
}
