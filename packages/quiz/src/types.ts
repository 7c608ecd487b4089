// The quiz data model shared by the web app, the grader and the seed. Schemas live in schema.ts.

export const LOCALES = ['zh-TW', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Markdown with $inline$ / $$display$$ LaTeX and ``` code fences, in every locale. */
export type LocalizedText = { 'zh-TW': string; en: string };

/** Option ids are single capital letters, 'A', 'B', … in order. */
export type ChoiceOption = { id: string; text: LocalizedText };

/** Pick `choose` options; `key` holds the ids of the correct ones. */
export type ChoicePart = {
  kind: 'choice';
  prompt?: LocalizedText;
  choose: number;
  options: ChoiceOption[];
  points: number;
  key: string[];
};

/** A file (a screenshot) graded by hand. */
export type UploadPart = { kind: 'upload'; prompt: LocalizedText; points: number };

export type QuestionPart = ChoicePart | UploadPart;

export type Section = 'paper' | 'coding';

export type Question = {
  /** 'q01'..'q20': 'q' and the two-digit number. */
  id: string;
  number: number;
  section: Section;
  stem: LocalizedText;
  parts: QuestionPart[];
  explanation: LocalizedText;
  /** Set by a TA's regrade (Canvas "full credit for everyone"): every part earns its points. */
  fullCredit?: boolean;
};

export type QuizContent = { id: string; title: LocalizedText; questions: Question[] };

export type PartAnswer = { kind: 'choice'; selected: string[] } | { kind: 'upload'; uploadId: string };

/** Per question id, per part index as a string key ('0', '1'), the student's answer. */
export type AnswerSheet = Record<string, Record<string, PartAnswer>>;

export const SCORING_POLICIES = ['ALL_OR_NOTHING', 'RIGHT_MINUS_WRONG'] as const;
export type ScoringPolicy = (typeof SCORING_POLICIES)[number];

export type PartResult = {
  questionId: string;
  part: number;
  points: number;
  maxPoints: number;
  correct: boolean;
  /** An uploaded file still waiting for a TA's grade. */
  pending: boolean;
};

export type AttemptScore = { score: number; maxScore: number; results: PartResult[] };
