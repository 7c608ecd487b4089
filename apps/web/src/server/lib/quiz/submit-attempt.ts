// Submitting: check the deadline by the server's clock, check and score the answers, then store the
// attempt, its per-part results and the best score in one atomic statement.
import type { PrismaClient } from '@infer-lab/db';
import { type AnswerSheet, checkAnswerSheet, scoreAttempt } from '@infer-lab/quiz';
import type { SessionUser } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';
import { answerError } from './answer-errors.ts';
import { deadlineState, effectiveDueAt, formatDeadline, loadAssignmentFor } from './load.ts';

async function checkUploads(
  prisma: PrismaClient,
  user: SessionUser,
  assignmentId: string,
  sheet: AnswerSheet,
) {
  for (const [questionId, parts] of Object.entries(sheet)) {
    for (const answer of Object.values(parts)) {
      if (answer.kind !== 'upload') continue;
      const upload = await prisma.upload.findFirst({
        where: { id: answer.uploadId, userId: user.id, assignmentId, questionId },
        select: { id: true },
      });
      if (!upload) throw new AppError('UNKNOWN_UPLOAD', { questionId });
    }
  }
}

export async function submitAttempt(
  prisma: PrismaClient,
  user: SessionUser,
  assignmentId: string,
  answers: unknown,
  now = new Date(),
) {
  const { assignment, content, versionId } = await loadAssignmentFor(prisma, user, assignmentId);
  const state = deadlineState(assignment, now);
  if (state === 'not-open') throw new AppError('NOT_OPEN');
  if (state === 'closed') {
    throw new AppError('DEADLINE_PASSED', {
      deadline: formatDeadline(effectiveDueAt(assignment), assignment.course.timezone),
    });
  }
  const checked = checkAnswerSheet(content, answers);
  if (!checked.ok) throw answerError(checked.error);
  await checkUploads(prisma, user, assignmentId, checked.sheet);
  const scored = scoreAttempt(content, checked.sheet, assignment.scoringPolicy);

  // One statement, so one atomic round trip: the attempt, its per-part results, and the best score
  // (kept when higher; concurrent submissions serialise on the BestScore row, so the maximum wins).
  const rows = await prisma.$queryRaw<
    { id: string; submittedAt: Date; bestScore: number; bestAttemptId: string }[]
  >`
    WITH attempt AS (
      INSERT INTO "Attempt" (id, "assignmentId", "userId", "versionId", answers, score, "maxScore", "submittedAt")
      VALUES (gen_random_uuid(), ${assignmentId}, ${user.id}::uuid, ${versionId}::uuid, ${JSON.stringify(checked.sheet)}::jsonb,
              ${scored.score}, ${scored.maxScore}, ${now})
      RETURNING id, "submittedAt"
    ), results AS (
      INSERT INTO "AttemptResult" ("attemptId", "questionId", part, points, "maxPoints", correct, pending)
      SELECT attempt.id, r."questionId", r.part, r.points, r."maxPoints", r.correct, r.pending
      FROM attempt, jsonb_to_recordset(${JSON.stringify(scored.results)}::jsonb)
        AS r("questionId" text, part int, points float8, "maxPoints" float8, correct bool, pending bool)
    ), best AS (
      INSERT INTO "BestScore" ("userId", "assignmentId", "attemptId", score, "updatedAt")
      SELECT ${user.id}::uuid, ${assignmentId}, attempt.id, ${scored.score}, now() FROM attempt
      ON CONFLICT ("userId", "assignmentId") DO UPDATE
        SET "attemptId" = EXCLUDED."attemptId", score = EXCLUDED.score, "updatedAt" = now()
        WHERE "BestScore".score < EXCLUDED.score
      RETURNING score, "attemptId"
    )
    SELECT attempt.id::text AS id, attempt."submittedAt",
           COALESCE(best.score, previous.score) AS "bestScore",
           COALESCE(best."attemptId", previous."attemptId")::text AS "bestAttemptId"
    FROM attempt
    LEFT JOIN best ON true
    LEFT JOIN "BestScore" previous ON previous."userId" = ${user.id}::uuid AND previous."assignmentId" = ${assignmentId}`;
  const row = rows[0]!;
  return {
    attempt: { id: row.id, submittedAt: row.submittedAt, score: scored.score, maxScore: scored.maxScore },
    bestScore: row.bestScore,
    isBest: row.bestAttemptId === row.id,
  };
}
