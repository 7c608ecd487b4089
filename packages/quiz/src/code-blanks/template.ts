// The TODO region of a template: everything between the BEGIN and END marker lines. A submission is
// either the region alone or the whole file; a whole file must leave everything outside the region
// as it was (whitespace aside), so students cannot rewrite the fixed harness.

export const TODO_BEGIN = '// ==== TODO: BEGIN (your code) ====';
export const TODO_END = '// ==== TODO: END ====';
/** Longest submission accepted, in characters. */
export const MAX_CODE_LENGTH = 20_000;

export type TemplateParts = { before: string; region: string; after: string };

export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

/** Splits a template or a whole submitted file at its markers (each must appear exactly once). */
export function splitTemplate(source: string, what = 'template'): TemplateParts {
  const begin = source.indexOf(TODO_BEGIN);
  const end = source.indexOf(TODO_END);
  if (begin < 0 || end < 0 || end < begin) {
    throw new TemplateError(`${what}: needs the lines "${TODO_BEGIN}" and then "${TODO_END}"`);
  }
  if (source.indexOf(TODO_BEGIN, begin + 1) >= 0 || source.indexOf(TODO_END, end + 1) >= 0) {
    throw new TemplateError(`${what}: the TODO markers must appear exactly once`);
  }
  const regionStart = begin + TODO_BEGIN.length;
  return {
    before: source.slice(0, regionStart),
    region: source.slice(regionStart, end),
    after: source.slice(end),
  };
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The student's region from a submission (the region alone, or a whole file with the markers). */
export function submittedRegion(template: string, code: string): string {
  if (code.length > MAX_CODE_LENGTH) {
    throw new TemplateError(`The submission has ${code.length} characters; the limit is ${MAX_CODE_LENGTH}`);
  }
  if (!code.includes(TODO_BEGIN) && !code.includes(TODO_END)) return code;
  const fixed = splitTemplate(template);
  const sent = splitTemplate(code, 'submission');
  if (squash(sent.before) !== squash(fixed.before) || squash(sent.after) !== squash(fixed.after)) {
    throw new TemplateError(
      'Only the code between the TODO markers may change; the rest must stay as in the template',
    );
  }
  return sent.region;
}

/** The complete source the grader compiles: the template with the student's region in place. */
export function fillTemplate(template: string, code: string): string {
  const { before, after } = splitTemplate(template);
  const region = submittedRegion(template, code);
  return `${before}\n${region}\n${after}`;
}
