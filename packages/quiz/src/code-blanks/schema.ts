// zod schema for code blanks (content shape), and the checks that need the whole blank.
import { z } from 'zod';
import { localizedTextSchema } from '../schema.ts';
import { formatPath } from '../validate.ts';
import { splitTemplate, TemplateError } from './template.ts';
import type { CodeBlank } from './types.ts';

const identifier = z.string().regex(/^[A-Za-z_$][A-Za-z0-9_$]{0,63}$/, 'a JavaScript function name');

export const codeTestSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'test ids are lowercase letters, digits and dashes'),
  title: localizedTextSchema,
  hidden: z.boolean(),
  weight: z.number().positive().max(100),
});

export const codeBlankSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'blank ids are lowercase letters, digits and dashes'),
  title: localizedTextSchema,
  statement: localizedTextSchema,
  template: z.string().min(1).max(20_000),
  signature: z.string().min(1).max(2_000),
  entryPoints: z.array(identifier).min(1).max(8),
  tests: z.array(codeTestSchema).min(1).max(50),
  points: z.number().positive().max(100),
});

export type CodeBlankIssue = { path: string; message: string };

/** Shape, unique test ids, at least one visible and one hidden test, one TODO region, and every
 * entry point exported by the template. */
export function validateCodeBlank(
  blank: unknown,
): { ok: true; blank: CodeBlank } | { ok: false; issues: CodeBlankIssue[] } {
  const parsed = codeBlankSchema.safeParse(blank);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
    };
  }
  const value = parsed.data;
  const issues: CodeBlankIssue[] = [];
  const ids = new Set<string>();
  value.tests.forEach((test, i) => {
    if (ids.has(test.id)) issues.push({ path: `tests[${i}].id`, message: `duplicate test id "${test.id}"` });
    ids.add(test.id);
  });
  if (!value.tests.some((t) => !t.hidden))
    issues.push({ path: 'tests', message: 'needs at least one visible test' });
  if (!value.tests.some((t) => t.hidden))
    issues.push({ path: 'tests', message: 'needs at least one hidden test' });
  try {
    splitTemplate(value.template);
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    issues.push({ path: 'template', message: error.message });
  }
  for (const name of value.entryPoints) {
    if (!new RegExp(`export function ${name.replace(/\$/g, '\\$')}\\b`).test(value.template)) {
      issues.push({ path: 'entryPoints', message: `the template does not export function ${name}` });
    }
  }
  return issues.length === 0 ? { ok: true, blank: value } : { ok: false, issues };
}
