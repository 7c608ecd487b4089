// Routers grouped by who may call them.
import { router } from '../trpc/init.ts';
import { setLocale } from './account/set-locale.ts';
import { session } from './public/session.ts';
import { signIn } from './public/sign-in.ts';
import { signOut } from './public/sign-out.ts';
import { assignmentsList } from './student/assignments-list.ts';
import { quizAttempts } from './student/quiz-attempts.ts';
import { quizGet } from './student/quiz-get.ts';
import { quizSaveDraft } from './student/quiz-save-draft.ts';
import { quizSubmit } from './student/quiz-submit.ts';

export const appRouter = router({
  public: router({ auth: router({ signIn, signOut, session }) }),
  account: router({ setLocale }),
  student: router({
    assignments: router({ list: assignmentsList }),
    quiz: router({ get: quizGet, saveDraft: quizSaveDraft, submit: quizSubmit, attempts: quizAttempts }),
  }),
});

export type AppRouter = typeof appRouter;
