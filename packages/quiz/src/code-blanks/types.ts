// Code blanks: a TypeScript template whose TODO region the student fills; apps/grader runs it in a
// sandbox against the reference engine. Only the region is the student's: the rest is fixed.
import type { LocalizedText } from '../types.ts';

/** One check the grader runs. Visible tests are shown (and run by "Run visible tests"); hidden ones
 * show only their title and verdict, and their messages only after release. */
export type CodeTest = {
  /** Stable id; apps/grader implements one check per id. */
  id: string;
  title: LocalizedText;
  hidden: boolean;
  /** Share of the blank's points (weights of a blank sum to any positive total). */
  weight: number;
};

export type CodeBlank = {
  /** 'spec-residual', … : lowercase letters, digits and dashes. */
  id: string;
  title: LocalizedText;
  /** Markdown: what to write, the exact contract, the formula. */
  statement: LocalizedText;
  /** TypeScript source with exactly one TODO region (see template.ts). */
  template: string;
  /** The exported functions the grader calls, as shown to students. */
  signature: string;
  /** Names of the exported functions, in the order the grader loads them. */
  entryPoints: string[];
  tests: CodeTest[];
  points: number;
};

/** A grader verdict for one test. `message` explains a failure (or says what passed). */
export type CodeTestResult = {
  id: string;
  name: string;
  hidden: boolean;
  passed: boolean;
  message: string;
};
