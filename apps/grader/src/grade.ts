// Grades one submission: fill the template, load it into a fresh sandbox, run the blank's checks.
// Student faults become failed tests; anything else (a missing model, a grader bug) propagates, so
// the caller records a SYSTEM_ERROR that costs the student nothing.
import { AcceptanceRuleError } from '@infer-lab/engine';
import { type CodeBlank, type CodeTestResult, codeScore, fillTemplate, TemplateError } from '@infer-lab/quiz';
import { checksByBlank } from './checks/index.ts';
import { TestFailure } from './checks/types.ts';
import type { GraderModels } from './models.ts';
import { StudentCodeError } from './sandbox/errors.ts';
import { defaultLimits, Sandbox, type SandboxLimits } from './sandbox/sandbox.ts';

export interface Grading {
  results: CodeTestResult[];
  score: number;
  maxScore: number;
  /** The student's console.log output (capped). */
  console: string;
}

export interface GradeOptions {
  /** Run only the visible tests ("Run visible tests"). */
  visibleOnly?: boolean;
  limits?: SandboxLimits;
  locale?: 'zh-TW' | 'en';
}

const isStudentFault = (error: unknown) =>
  error instanceof TestFailure || error instanceof StudentCodeError || error instanceof AcceptanceRuleError;

export async function gradeCode(
  blank: CodeBlank,
  code: string,
  models: GraderModels,
  options: GradeOptions = {},
): Promise<Grading> {
  const checks = checksByBlank[blank.id];
  if (!checks) throw new Error(`grader: no checks for blank "${blank.id}"`);
  const tests = blank.tests.filter((t) => !options.visibleOnly || !t.hidden);
  const locale = options.locale ?? 'en';
  const verdictForAll = (message: string): Grading => ({
    results: tests.map((t) => ({
      id: t.id,
      name: t.title[locale],
      hidden: t.hidden,
      passed: false,
      message,
    })),
    score: 0,
    maxScore: blank.points,
    console: '',
  });

  let sandbox: Sandbox;
  try {
    sandbox = await Sandbox.load(
      fillTemplate(blank.template, code),
      blank.entryPoints,
      options.limits ?? defaultLimits,
    );
  } catch (error) {
    if (error instanceof StudentCodeError || error instanceof TemplateError)
      return verdictForAll(error.message);
    throw error;
  }
  try {
    const results: CodeTestResult[] = [];
    for (const test of tests) {
      const check = checks[test.id];
      if (!check) throw new Error(`grader: blank "${blank.id}" has no check for test "${test.id}"`);
      let passed = true;
      let message: string;
      try {
        message = await check({ sandbox, models });
      } catch (error) {
        if (!isStudentFault(error)) throw error;
        passed = false;
        message = (error as Error).message.slice(0, 4_000);
      }
      results.push({ id: test.id, name: test.title[locale], hidden: test.hidden, passed, message });
    }
    const passedIds = new Set(results.filter((r) => r.passed).map((r) => r.id));
    return {
      results,
      score: codeScore(blank, passedIds),
      maxScore: blank.points,
      console: sandbox.consoleOutput(),
    };
  } finally {
    sandbox.dispose();
  }
}
