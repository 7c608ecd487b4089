// What the web app and the grader share about grading: the queue, submitting, visible runs.
export {
  enqueueSubmission,
  GradingInputError,
  regradeSystemErrors,
  type SubmissionInput,
  sendGradeJob,
} from './enqueue.ts';
export {
  defaultQueueSettings,
  ensureGradingQueues,
  GRADE_QUEUE,
  type GradeJob,
  type OpenQueueOptions,
  openGradingQueue,
  type PgBoss,
  type QueueSettings,
  VISIBLE_QUEUE,
} from './queue.ts';
export {
  runVisibleTests,
  type VisibleTestResult,
  type VisibleTestsAnswer,
  type VisibleTestsRequest,
  VisibleTestsTimeout,
} from './visible.ts';
