// TypeScript → JavaScript with esbuild (types stripped, no type checking), as a CommonJS body the
// sandbox wraps in a function. Imports have nothing to resolve in the sandbox, so they are refused.
import { transform } from 'esbuild';
import { StudentCodeError } from './errors.ts';

export async function compileStudentSource(source: string): Promise<string> {
  try {
    const result = await transform(source, {
      loader: 'ts',
      format: 'cjs',
      target: 'es2022',
      sourcefile: 'submission.ts',
      logLevel: 'silent',
    });
    if (/\brequire\s*\(/.test(result.code)) {
      throw new StudentCodeError('compile', 'Imports and require() are not available in the sandbox');
    }
    return result.code;
  } catch (error) {
    if (error instanceof StudentCodeError) throw error;
    const errors = (
      error as { errors?: { text: string; location?: { line: number; column: number } | null }[] }
    ).errors;
    if (!errors) throw error;
    const lines = errors
      .slice(0, 5)
      .map((e) =>
        e.location ? `line ${e.location.line}, column ${e.location.column + 1}: ${e.text}` : e.text,
      );
    throw new StudentCodeError('compile', `Your code does not compile:\n${lines.join('\n')}`);
  }
}
