// Routers grouped by who may call them.
import { router } from '../trpc/init.ts';
import { setLocale } from './account/set-locale.ts';
import { session } from './public/session.ts';
import { signIn } from './public/sign-in.ts';
import { signOut } from './public/sign-out.ts';
import { assignmentsList } from './student/assignments-list.ts';
import { codeGet } from './student/code-get.ts';
import { codeList } from './student/code-list.ts';
import { codeRunVisible } from './student/code-run-visible.ts';
import { codeSubmission } from './student/code-submission.ts';
import { codeSubmit } from './student/code-submit.ts';
import { quizAttempts } from './student/quiz-attempts.ts';
import { quizGet } from './student/quiz-get.ts';
import { quizSaveDraft } from './student/quiz-save-draft.ts';
import { quizSubmit } from './student/quiz-submit.ts';
import { analysisItems } from './ta/analysis-items.ts';
import { assignmentsList as taAssignmentsList } from './ta/assignments-list.ts';
import { auditList } from './ta/audit-list.ts';
import { coursesList } from './ta/courses-list.ts';
import { extensionGrant } from './ta/extension-grant.ts';
import { extensionRevoke } from './ta/extension-revoke.ts';
import { extensionsList } from './ta/extensions-list.ts';
import { gradebookExportCsv } from './ta/gradebook-export-csv.ts';
import { gradebookGet } from './ta/gradebook-get.ts';
import { gradingGrade } from './ta/grading-grade.ts';
import { gradingQueueList } from './ta/grading-queue.ts';
import { quizApplyEdit } from './ta/quiz-apply-edit.ts';
import { quizGet as taQuizGet } from './ta/quiz-get.ts';
import { quizPreviewEdit } from './ta/quiz-preview-edit.ts';
import { quizRelease } from './ta/quiz-release.ts';
import { rosterImport } from './ta/roster-import.ts';
import { rosterPreview } from './ta/roster-preview.ts';

export const appRouter = router({
  public: router({ auth: router({ signIn, signOut, session }) }),
  account: router({ setLocale }),
  student: router({
    assignments: router({ list: assignmentsList }),
    quiz: router({ get: quizGet, saveDraft: quizSaveDraft, submit: quizSubmit, attempts: quizAttempts }),
    code: router({
      list: codeList,
      get: codeGet,
      submit: codeSubmit,
      runVisible: codeRunVisible,
      submission: codeSubmission,
    }),
  }),
  ta: router({
    assignments: router({ list: taAssignmentsList }),
    quiz: router({
      get: taQuizGet,
      previewEdit: quizPreviewEdit,
      applyEdit: quizApplyEdit,
      release: quizRelease,
    }),
    audit: router({ list: auditList }),
    gradebook: router({ get: gradebookGet, exportCsv: gradebookExportCsv }),
    analysis: router({ items: analysisItems }),
    courses: router({ list: coursesList }),
    roster: router({ preview: rosterPreview, import: rosterImport }),
    grading: router({ queue: gradingQueueList, grade: gradingGrade }),
    extensions: router({ list: extensionsList, grant: extensionGrant, revoke: extensionRevoke }),
  }),
});

export type AppRouter = typeof appRouter;
