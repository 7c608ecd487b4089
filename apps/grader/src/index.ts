// @infer-lab/grader: the grading worker and its parts. The web app needs only `@infer-lab/grader/seed`
// and `@infer-lab/db/grading` (this entry loads isolated-vm and the engine).
export { type GradeOptions, type Grading, gradeCode } from './grade.ts';
export { createGraderModels, type GraderModels } from './models.ts';
export { StudentCodeError } from './sandbox/errors.ts';
export { defaultLimits, Sandbox, type SandboxLimits } from './sandbox/sandbox.ts';
export { type GraderWorker, startWorker, type WorkerOptions } from './worker.ts';
