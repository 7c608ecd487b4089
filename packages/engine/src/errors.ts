// Expected problems (bad files, unknown models, no network) reach the user as one clear sentence.
// Anything else is a bug and keeps its stack trace.

export class EngineError extends Error {
  override readonly name = 'EngineError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Message of an unknown thrown value, for wrapping it in an EngineError. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
