// Authoring helpers for quiz text written in TypeScript source.

/**
 * A Markdown block as typed: backslashes stay (so LaTeX reads `$\mathbf{Q}$`) and `\`` gives a
 * backtick. The indentation the source lines share is removed, and so are a blank first and last
 * line. Interpolated values are inserted as they are (their own lines are not re-indented).
 */
export function md(strings: TemplateStringsArray, ...values: unknown[]): string {
  const parts = strings.raw.map((part) => part.replaceAll('\\`', '`').replaceAll('\\${', '${'));
  // Segments that begin a source line: everything after a newline, plus the very start.
  const lineStarts = parts.map((part, p) => part.split('\n').map((_, s) => s > 0 || p === 0));
  const indents: number[] = [];
  parts.forEach((part, p) => {
    const segments = part.split('\n');
    segments.forEach((segment, s) => {
      const beforeValue = s === segments.length - 1 && p < parts.length - 1;
      if (lineStarts[p]![s] && (segment.trim() !== '' || beforeValue)) {
        indents.push(segment.length - segment.trimStart().length);
      }
    });
  });
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  const dedented = parts.map((part, p) =>
    part
      .split('\n')
      .map((segment, s) =>
        lineStarts[p]![s] ? segment.slice(Math.min(cut, leadingSpace(segment))) : segment,
      )
      .join('\n'),
  );
  return trimBlock(String.raw({ raw: dedented }, ...values));
}

/** A fenced code block, for interpolating into md`…`. */
export function codeBlock(language: string, source: string): string {
  const lines = trimBlock(source).split('\n');
  const cut = Math.min(...lines.filter((l) => l.trim() !== '').map(leadingSpace));
  const fence = '```';
  return [`${fence}${language}`, ...lines.map((line) => line.slice(cut)), fence].join('\n');
}

function leadingSpace(line: string): number {
  return line.length - line.trimStart().length;
}

function trimBlock(text: string): string {
  const lines = text.split('\n').map((line) => line.trimEnd());
  while (lines[0] === '') lines.shift();
  while (lines.at(-1) === '') lines.pop();
  return lines.join('\n');
}
