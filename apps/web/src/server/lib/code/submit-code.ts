// Submitting a code blank: the server checks the deadline and that only the TODO region changed,
// then stores the submission and queues its grading in one transaction (@infer-lab/db/grading).
import type { PrismaClient } from '@infer-lab/db';
import { enqueueSubmission, type PgBoss, runVisibleTests, VisibleTestsTimeout } from '@infer-lab/db/grading';
import { findCodeBlank, type Locale, submittedRegion, TemplateError } from '@infer-lab/quiz';
import type { SessionUser } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';
import { deadlineState, effectiveDueAt, findAssignmentFor, formatDeadline } from '../quiz/load.ts';

async function checkedBlank(
  prisma: PrismaClient,
  user: SessionUser,
  input: { assignmentId: string; blankId: string; code: string },
) {
  const assignment = await findAssignmentFor(prisma, user, input.assignmentId, 'CODE');
  const blank = findCodeBlank(input.blankId);
  if (!blank) throw new AppError('UNKNOWN_BLANK');
  try {
    submittedRegion(blank.template, input.code);
  } catch (error) {
    if (error instanceof TemplateError) throw new AppError('CODE_TEMPLATE', { detail: error.message });
    throw error;
  }
  return { assignment, blank };
}

export async function submitCode(
  prisma: PrismaClient,
  queue: PgBoss,
  user: SessionUser,
  input: { assignmentId: string; blankId: string; code: string },
  now = new Date(),
) {
  const { assignment, blank } = await checkedBlank(prisma, user, input);
  const state = deadlineState(assignment, now);
  if (state === 'not-open') throw new AppError('NOT_OPEN');
  if (state === 'closed') {
    throw new AppError('DEADLINE_PASSED', {
      deadline: formatDeadline(effectiveDueAt(assignment), assignment.course.timezone),
    });
  }
  return enqueueSubmission(prisma, queue, {
    userId: user.id,
    assignmentId: input.assignmentId,
    blankId: blank.id,
    code: input.code,
    maxScore: blank.points,
  });
}

/** "Run visible tests": sandboxed by a grader, answered in seconds, nothing stored. */
export async function runVisible(
  prisma: PrismaClient,
  queue: PgBoss,
  user: SessionUser,
  input: { assignmentId: string; blankId: string; code: string },
  locale: Locale,
) {
  const { blank } = await checkedBlank(prisma, user, input);
  try {
    return await runVisibleTests(queue, { blankId: blank.id, code: input.code, locale });
  } catch (error) {
    if (error instanceof VisibleTestsTimeout) throw new AppError('GRADER_UNAVAILABLE');
    throw error;
  }
}
