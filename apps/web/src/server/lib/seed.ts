// Seeds a new database: the course, the demo accounts, two copies of the HW3 quiz (the real one,
// closed, and an open demo whose deadline is 14 days after seeding, so every flow can be tried
// today) and the HW3 code blanks, open like the demo.
import type { PrismaClient } from '@infer-lab/db';
import { seedCodeBlanks, taipeiEndOfDay } from '@infer-lab/grader/seed';
import { hw3Quiz, type QuizContent, validateQuizContent } from '@infer-lab/quiz';
import { hashPassword } from './auth/passwords.ts';

export const COURSE_ID = 'ml-2026-spring';
export const HW3_ID = 'hw3-2026-spring';
export const DEMO_ID = 'hw3-demo';
export { CODE_BLANKS_ID as CODE_ID } from '@infer-lab/grader/seed';

export const demoAccounts = [
  {
    email: 'student@demo.local',
    password: 'student-demo',
    name: '王小明 Wang Hsiao-Ming',
    studentId: 'B12901001',
    role: 'STUDENT',
    section: '01',
  },
  {
    email: 'student2@demo.local',
    password: 'student-demo',
    name: '林小華 Lin Hsiao-Hua',
    studentId: 'B12901002',
    role: 'STUDENT',
    section: '02',
  },
  {
    email: 'ta@demo.local',
    password: 'ta-demo',
    name: '助教 Course TA',
    studentId: null,
    role: 'TA',
    section: null,
  },
] as const;

function checkedContent(content: QuizContent): QuizContent {
  const result = validateQuizContent(content);
  if (!result.ok) {
    throw new Error(
      `Seed quiz content is invalid:\n${result.issues.map((i) => `${i.path}: ${i.message}`).join('\n')}`,
    );
  }
  return result.content;
}

/** Seeds when the database has no course yet. Returns whether it seeded. */
export async function seedIfEmpty(prisma: PrismaClient, now = new Date()): Promise<boolean> {
  if ((await prisma.course.count()) > 0) return false;
  const content = checkedContent(hw3Quiz);
  const hashes = await Promise.all(demoAccounts.map((a) => hashPassword(a.password)));
  const demoDue = taipeiEndOfDay(now, 14);
  await prisma.$transaction(async (tx) => {
    await tx.course.create({ data: { id: COURSE_ID, title: 'ML 2026 Spring', timezone: 'Asia/Taipei' } });
    for (const [i, account] of demoAccounts.entries()) {
      const user = await tx.user.create({
        data: {
          email: account.email,
          name: account.name,
          studentId: account.studentId,
          role: account.role,
          passwordHash: hashes[i]!,
        },
      });
      await tx.enrollment.create({
        data: { userId: user.id, courseId: COURSE_ID, section: account.section },
      });
    }
    const assignments = [
      {
        id: HW3_ID,
        titleZh: 'HW3：LLM 快速推論（2026 春）',
        titleEn: 'HW3: LLM Fast Inference (2026 Spring)',
        dueAt: new Date('2026-04-09T23:59:59+08:00'),
        releaseAt: new Date('2026-04-12T23:59:59+08:00'),
      },
      {
        id: DEMO_ID,
        titleZh: 'HW3 練習版（開放中）',
        titleEn: 'HW3 demo copy (open)',
        dueAt: demoDue,
        releaseAt: new Date(demoDue.getTime() + 3 * 86400_000),
      },
    ];
    for (const assignment of assignments) {
      await tx.assignment.create({ data: { ...assignment, courseId: COURSE_ID, kind: 'QUIZ' } });
      const version = await tx.quizVersion.create({
        data: { assignmentId: assignment.id, version: 1, content },
      });
      await tx.assignment.update({ where: { id: assignment.id }, data: { currentVersionId: version.id } });
    }
  });
  // The code blanks (@infer-lab/quiz hw3CodeBlanks), open like the demo quiz.
  await seedCodeBlanks(prisma, now, COURSE_ID);
  return true;
}
