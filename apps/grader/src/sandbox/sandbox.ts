// One isolated-vm isolate per submission: a memory limit, a timeout on every call, a CPU budget over
// all calls, a wall-clock budget, no require/process/fs/network (a bare V8 context has none), and
// capped console output. Arguments and results are copied, so student code never holds a host
// object and never changes the host's arrays.
import ivm from 'isolated-vm';
import { compileStudentSource } from './compile.ts';
import { StudentCodeError } from './errors.ts';

export interface SandboxLimits {
  /** V8 heap of the isolate, MiB (isolated-vm's minimum is 8). */
  memoryMb: number;
  /** Longest single call (or the loading of the code), ms. */
  callTimeoutMs: number;
  /** CPU time of the isolate over the whole grading, ms. */
  cpuBudgetMs: number;
  /** Wall-clock time over the whole grading, ms. */
  wallBudgetMs: number;
  /** Characters of console output kept. */
  maxConsoleChars: number;
  /** Largest result of one call, in array elements or string characters. */
  maxResultLength: number;
}

export const defaultLimits: SandboxLimits = {
  memoryMb: 64,
  callTimeoutMs: 2_000,
  cpuBudgetMs: 8_000,
  wallBudgetMs: 20_000,
  maxConsoleChars: 4_096,
  maxResultLength: 1 << 20,
};

// Runs before the student's code: captures the builtins the harness needs (so the student cannot
// swap them), installs a capped console and returns the harness the host keeps references to.
// Results are rebuilt as plain data INSIDE the isolate, under the call's timeout: a getter, a Proxy
// or an oversized array is dealt with there, never while the host copies the value out.
const prelude = (limits: SandboxLimits) => `(() => {
  const apply = Reflect.apply;
  const isArray = Array.isArray;
  const isView = ArrayBuffer.isView;
  const keys = Object.keys;
  const define = Object.defineProperty;
  const tagOf = Function.prototype.call.bind(Object.prototype.toString);
  const join = Function.prototype.call.bind(Array.prototype.join);
  const map = Function.prototype.call.bind(Array.prototype.map);
  const toString = String;
  const ErrorType = Error;
  const TypeErrorType = TypeError;
  const views = { Float32Array, Float64Array, Int8Array, Int16Array, Int32Array, Uint8Array, Uint16Array, Uint32Array, Uint8ClampedArray };
  const maxLength = ${limits.maxResultLength};
  const tooLarge = (n) => new ErrorType('__RESULT_TOO_LARGE__ ' + n);
  const put = (target, key, value) => define(target, key, { value, writable: true, enumerable: true, configurable: true });
  const plain = (value, depth) => {
    if (typeof value === 'function' || typeof value === 'symbol') throw new TypeErrorType('a ' + typeof value + ' is not plain data');
    if (value === null || typeof value !== 'object') return value;
    if (depth > 8) throw new TypeErrorType('the result is nested more than 8 levels deep');
    if (isView(value)) {
      const View = views[tagOf(value).slice(8, -1)] || Float64Array;
      const n = value.length;
      if (n > maxLength) throw tooLarge(n);
      const out = new View(n);
      for (let i = 0; i < n; i++) out[i] = value[i];
      return out;
    }
    if (isArray(value)) {
      const n = value.length;
      if (n > maxLength) throw tooLarge(n);
      const out = [];
      for (let i = 0; i < n; i++) put(out, i, plain(value[i], depth + 1));
      return out;
    }
    const tag = tagOf(value);
    if (tag !== '[object Object]') {
      const kind = tag.slice(8, -1);
      throw new TypeErrorType('a ' + kind + ' is not plain data' + (kind === 'Promise' ? ' (the function must be synchronous; await is not available)' : ''));
    }
    const names = keys(value);
    if (names.length > 64) throw new TypeErrorType('the result object has more than 64 keys');
    const out = {};
    for (const name of names) put(out, name, plain(value[name], depth + 1));
    return out;
  };
  const isError = (e) => { try { return e instanceof ErrorType; } catch { return false; } };
  const guarded = (task) => {
    try {
      return task();
    } catch (e) {
      if (isError(e)) throw e;
      let shown;
      try { shown = typeof e === 'symbol' ? 'a symbol' : toString(e); } catch { shown = 'a ' + typeof e; }
      throw new ErrorType('threw a value that is not an Error: ' + shown.slice(0, 200));
    }
  };
  let printed = '';
  const print = (...parts) => {
    if (printed.length >= ${limits.maxConsoleChars}) return;
    let line;
    try { line = join(map(parts, (p) => toString(p)), ' '); } catch { line = '[unprintable value]'; }
    printed = (printed + line + '\\n').slice(0, ${limits.maxConsoleChars});
  };
  globalThis.console = Object.freeze({ log: print, error: print, warn: print, info: print });
  let entries = {};
  return {
    register(exports, names) {
      const found = {};
      for (const name of names) {
        const value = exports == null ? undefined : exports[name];
        if (typeof value === 'function') found[name] = value;
      }
      entries = found;
      return keys(found);
    },
    call(name, args) { return guarded(() => plain(apply(entries[name], undefined, args), 0)); },
    callKeepingArgs(name, args) {
      return guarded(() => [plain(apply(entries[name], undefined, args), 0), plain(args, 0)]);
    },
    consoleOutput() { return printed; },
  };
})()`;

export class Sandbox {
  private readonly started = Date.now();
  private constructor(
    private readonly isolate: ivm.Isolate,
    private readonly harness: {
      call: ivm.Reference;
      callKeepingArgs: ivm.Reference;
      consoleOutput: ivm.Reference;
    },
    readonly limits: SandboxLimits,
  ) {}

  /** Compiles the TypeScript source, runs it once (its top level) and finds the entry points. */
  static async load(
    source: string,
    entryPoints: readonly string[],
    limits: SandboxLimits = defaultLimits,
  ): Promise<Sandbox> {
    const js = await compileStudentSource(source);
    const isolate = new ivm.Isolate({ memoryLimit: limits.memoryMb });
    try {
      const context = isolate.createContextSync();
      const harness = context.evalSync(prelude(limits), { reference: true }) as ivm.Reference;
      const get = (name: string) => harness.getSync(name, { reference: true }) as ivm.Reference;
      const sandbox = new Sandbox(
        isolate,
        { call: get('call'), callKeepingArgs: get('callKeepingArgs'), consoleOutput: get('consoleOutput') },
        limits,
      );
      const wrapped = `(function () { const module = { exports: {} }; (function (module, exports) {\n${js}\n})(module, module.exports); return module.exports; })()`;
      let exportsRef: ivm.Reference;
      try {
        exportsRef = context.evalSync(wrapped, {
          reference: true,
          timeout: limits.callTimeoutMs,
        }) as ivm.Reference;
      } catch (error) {
        throw sandbox.verdict(error, 'loading your code');
      }
      const register = harness.getSync('register', { reference: true }) as ivm.Reference;
      const found = register.applySync(
        undefined,
        [exportsRef.derefInto(), new ivm.ExternalCopy([...entryPoints]).copyInto()],
        {
          timeout: limits.callTimeoutMs,
          result: { copy: true },
        },
      ) as string[];
      const missing = entryPoints.filter((name) => !found.includes(name));
      if (missing.length > 0) {
        throw new StudentCodeError(
          'load',
          `Your code must export function ${missing.join(', ')} (as in the template)`,
        );
      }
      return sandbox;
    } catch (error) {
      isolate.dispose();
      if (error instanceof StudentCodeError) throw error;
      throw new StudentCodeError('load', `Your code failed while loading: ${describe(error)}`);
    }
  }

  /** Calls an entry point with copies of `args`; returns a copy of its result. */
  call(name: string, args: readonly unknown[]): unknown {
    return this.run(this.harness.call, name, args, `${name}(…)`);
  }

  /** As call, and also returns the arguments as the function left them (to catch mutation). */
  callKeepingArgs(name: string, args: readonly unknown[]): { result: unknown; args: unknown[] } {
    const [result, after] = this.run(this.harness.callKeepingArgs, name, args, `${name}(…)`) as [
      unknown,
      unknown[],
    ];
    return { result, args: after };
  }

  consoleOutput(): string {
    if (this.isolate.isDisposed) return '';
    try {
      return this.harness.consoleOutput.applySync(undefined, [], {
        timeout: 100,
        result: { copy: true },
      }) as string;
    } catch {
      return '';
    }
  }

  /** CPU time the student's code has used so far, ms. */
  cpuMs(): number {
    return this.isolate.isDisposed ? 0 : Number(this.isolate.cpuTime) / 1e6;
  }

  dispose(): void {
    if (!this.isolate.isDisposed) this.isolate.dispose();
  }

  private run(fn: ivm.Reference, name: string, args: readonly unknown[], what: string): unknown {
    this.checkBudgets();
    let result: unknown;
    try {
      result = fn.applySync(undefined, [name, new ivm.ExternalCopy(args).copyInto({ release: true })], {
        timeout: this.limits.callTimeoutMs,
        result: { copy: true },
      });
    } catch (error) {
      throw this.verdict(error, `calling ${what}`);
    }
    this.checkResultSize(result, what);
    return result;
  }

  private checkBudgets(): void {
    if (this.isolate.isDisposed) {
      throw new StudentCodeError(
        'memory',
        `Your code was stopped earlier (over the ${this.limits.memoryMb} MB memory limit)`,
      );
    }
    if (this.cpuMs() > this.limits.cpuBudgetMs) {
      throw new StudentCodeError(
        'cpu',
        `Your code used more than ${this.limits.cpuBudgetMs / 1000} s of CPU time in total`,
      );
    }
    if (Date.now() - this.started > this.limits.wallBudgetMs) {
      throw new StudentCodeError(
        'timeout',
        `Grading your code took longer than ${this.limits.wallBudgetMs / 1000} s`,
      );
    }
  }

  private checkResultSize(result: unknown, what: string): void {
    const length =
      typeof result === 'string' || Array.isArray(result) || ArrayBuffer.isView(result)
        ? (result as { length: number }).length
        : 0;
    if (length > this.limits.maxResultLength) {
      throw new StudentCodeError(
        'output',
        `${what} returned ${length} elements; the limit is ${this.limits.maxResultLength}`,
      );
    }
  }

  /** Turns whatever isolated-vm threw into a verdict about the student's code. */
  private verdict(error: unknown, doing: string): StudentCodeError {
    if (error instanceof StudentCodeError) return error;
    const message = describe(error);
    if (this.isolate.isDisposed || /memory limit/i.test(message)) {
      return new StudentCodeError(
        'memory',
        `Your code went over the ${this.limits.memoryMb} MB memory limit while ${doing}`,
      );
    }
    const tooLarge = /__RESULT_TOO_LARGE__ (\d+)/.exec(message);
    if (tooLarge) {
      return new StudentCodeError(
        'output',
        `While ${doing}: the result has ${tooLarge[1]} elements; the limit is ${this.limits.maxResultLength}`,
      );
    }
    if (/timed out/i.test(message)) {
      return new StudentCodeError(
        'timeout',
        `Your code ran longer than ${this.limits.callTimeoutMs / 1000} s while ${doing} (an endless loop?)`,
      );
    }
    if (/could not be cloned|is not plain data|nested more than|more than 64 keys/i.test(message)) {
      return new StudentCodeError(
        'result',
        `While ${doing}: the result must be plain data (numbers, arrays, typed arrays, plain objects), not ${message}`,
      );
    }
    if (message.startsWith('threw a value'))
      return new StudentCodeError('runtime', `Your code ${message} (while ${doing})`);
    return new StudentCodeError('runtime', `Your code threw while ${doing}: ${message}`);
  }
}

function describe(error: unknown): string {
  if (error instanceof Error)
    return `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}`.slice(0, 500);
  return String(error).slice(0, 500);
}
