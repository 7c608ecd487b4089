// Rescoring: every attempt of an assignment scored again from its stored answers and manual grades
// under a quiz version, then every best score recomputed as the maximum over attempts.
import type { Prisma } from '@infer-lab/db';
import {
  type AnswerSheet,
  gradeKey,
  type QuizContent,
  type ScoringPolicy,
  scoreAttempt,
} from '@infer-lab/quiz';

type Tx = Prisma.TransactionClient;

export interface RescoredAttempt {
  id: string;
  userId: string;
  oldScore: number;
  score: number;
  maxScore: number;
  results: ReturnType<typeof scoreAttempt>['results'];
}

export interface RescorePlan {
  attempts: RescoredAttempt[];
  changedAttempts: number;
  /** Students whose best score would change, with old and new values. */
  changedBest: { userId: string; oldBest: number; newBest: number }[];
}

/** Computes new scores without writing anything (the preview uses this too). */
export async function planRescore(
  tx: Tx,
  assignmentId: string,
  content: QuizContent,
  policy: ScoringPolicy,
  filter: { userId?: string } = {},
): Promise<RescorePlan> {
  const attempts = await tx.attempt.findMany({
    where: { assignmentId, ...(filter.userId ? { userId: filter.userId } : {}) },
    select: {
      id: true,
      userId: true,
      answers: true,
      score: true,
      manualGrades: { select: { questionId: true, part: true, points: true } },
    },
  });
  const rescored = attempts.map((a) => {
    const grades = Object.fromEntries(a.manualGrades.map((g) => [gradeKey(g.questionId, g.part), g.points]));
    const result = scoreAttempt(content, a.answers as AnswerSheet, policy, grades);
    return { id: a.id, userId: a.userId, oldScore: a.score, ...result };
  });
  const best = new Map<string, { oldBest: number; newBest: number }>();
  for (const a of rescored) {
    const entry = best.get(a.userId) ?? {
      oldBest: Number.NEGATIVE_INFINITY,
      newBest: Number.NEGATIVE_INFINITY,
    };
    entry.oldBest = Math.max(entry.oldBest, a.oldScore);
    entry.newBest = Math.max(entry.newBest, a.score);
    best.set(a.userId, entry);
  }
  return {
    attempts: rescored,
    changedAttempts: rescored.filter((a) => a.score !== a.oldScore).length,
    changedBest: [...best]
      .filter(([, b]) => b.oldBest !== b.newBest)
      .map(([userId, b]) => ({ userId, ...b })),
  };
}

/** Writes a plan: attempt scores and results, the version they were scored with, best scores. */
export async function applyRescore(
  tx: Tx,
  assignmentId: string,
  versionId: string,
  plan: RescorePlan,
): Promise<void> {
  if (plan.attempts.length === 0) return;
  const ids = plan.attempts.map((a) => a.id);
  await tx.$executeRaw`
    UPDATE "Attempt" a SET score = s.score, "maxScore" = s."maxScore", "versionId" = ${versionId}::uuid
    FROM jsonb_to_recordset(${JSON.stringify(plan.attempts.map(({ id, score, maxScore }) => ({ id, score, maxScore })))}::jsonb)
      AS s(id uuid, score float8, "maxScore" float8)
    WHERE a.id = s.id`;
  await tx.$executeRaw`DELETE FROM "AttemptResult" WHERE "attemptId" = ANY(${ids}::uuid[])`;
  const rows = plan.attempts.flatMap((a) => a.results.map((r) => ({ attemptId: a.id, ...r })));
  await tx.$executeRaw`
    INSERT INTO "AttemptResult" ("attemptId", "questionId", part, points, "maxPoints", correct, pending)
    SELECT r."attemptId", r."questionId", r.part, r.points, r."maxPoints", r.correct, r.pending
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS r("attemptId" uuid, "questionId" text, part int, points float8, "maxPoints" float8, correct bool, pending bool)`;
  const users = [...new Set(plan.attempts.map((a) => a.userId))];
  await recomputeBestScores(tx, assignmentId, users);
}

/** Best score := the highest attempt (earliest on ties), for the given students. */
export async function recomputeBestScores(tx: Tx, assignmentId: string, userIds: string[]): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "BestScore" ("userId", "assignmentId", "attemptId", score, "updatedAt")
    SELECT DISTINCT ON (a."userId") a."userId", a."assignmentId", a.id, a.score, now()
    FROM "Attempt" a
    WHERE a."assignmentId" = ${assignmentId} AND a."userId" = ANY(${userIds}::uuid[])
    ORDER BY a."userId", a.score DESC, a."submittedAt" ASC
    ON CONFLICT ("userId", "assignmentId") DO UPDATE
      SET "attemptId" = EXCLUDED."attemptId", score = EXCLUDED.score, "updatedAt" = now()
      WHERE "BestScore"."attemptId" <> EXCLUDED."attemptId" OR "BestScore".score <> EXCLUDED.score`;
}
