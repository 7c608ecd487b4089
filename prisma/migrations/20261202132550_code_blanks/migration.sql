-- CreateEnum
CREATE TYPE "CodeSubmissionStatus" AS ENUM ('QUEUED', 'RUNNING', 'GRADED', 'SYSTEM_ERROR');

-- CreateTable
CREATE TABLE "CodeSubmission" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "blankId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "status" "CodeSubmissionStatus" NOT NULL DEFAULT 'QUEUED',
    "score" DOUBLE PRECISION,
    "maxScore" DOUBLE PRECISION NOT NULL,
    "results" JSONB,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMPTZ(3),
    "gradedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CodeSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CodeBestScore" (
    "userId" UUID NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "blankId" TEXT NOT NULL,
    "submissionId" UUID NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CodeBestScore_pkey" PRIMARY KEY ("userId","assignmentId","blankId")
);

-- CreateIndex
CREATE INDEX "CodeSubmission_userId_assignmentId_blankId_createdAt_idx" ON "CodeSubmission"("userId", "assignmentId", "blankId", "createdAt");

-- CreateIndex
CREATE INDEX "CodeSubmission_status_idx" ON "CodeSubmission"("status");

-- CreateIndex
CREATE UNIQUE INDEX "CodeBestScore_submissionId_key" ON "CodeBestScore"("submissionId");

-- CreateIndex
CREATE INDEX "CodeBestScore_assignmentId_blankId_score_idx" ON "CodeBestScore"("assignmentId", "blankId", "score");

-- AddForeignKey
ALTER TABLE "CodeSubmission" ADD CONSTRAINT "CodeSubmission_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CodeSubmission" ADD CONSTRAINT "CodeSubmission_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CodeBestScore" ADD CONSTRAINT "CodeBestScore_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CodeBestScore" ADD CONSTRAINT "CodeBestScore_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CodeBestScore" ADD CONSTRAINT "CodeBestScore_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "CodeSubmission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

