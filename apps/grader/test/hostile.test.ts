// Hostile submissions: each gets a clear verdict (a failed test naming the problem), the host's
// values stay intact, and the same process keeps grading correct code afterwards.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findCodeBlank, referenceSolutions } from '@infer-lab/quiz';
import { gradeCode } from '../src/grade.ts';
import { createGraderModels } from '../src/models.ts';
import type { SandboxLimits } from '../src/sandbox/sandbox.ts';

const models = createGraderModels();
const limits: SandboxLimits = {
  memoryMb: 32,
  callTimeoutMs: 400,
  cpuBudgetMs: 1_500,
  wallBudgetMs: 10_000,
  maxConsoleChars: 1_000,
  maxResultLength: 100_000,
};

const ratioFns = (body: string) => `
export function acceptRatio(px: number, qx: number): number { ${body} }
export function acceptDraft(ratio: number, u: number): boolean { return u < ratio; }`;

interface Hostile {
  name: string;
  blank: string;
  code: string;
  /** Every visible test's message (or the named test's) must match. */
  verdict: RegExp;
  test?: string;
  visibleOnly?: boolean;
  /** Overrides, e.g. a longer timeout so that the memory limit is what stops a memory bomb. */
  limits?: Partial<SandboxLimits>;
}

const hostile: Hostile[] = [
  {
    name: 'endless loop',
    blank: 'ngram-lookup',
    code: 'for (;;) {}',
    verdict: /ran longer than 0.4 s .*endless loop/,
  },
  {
    name: 'endless loop at the top level',
    blank: 'spec-accept-ratio',
    code: 'while (true) {}',
    verdict: /ran longer than 0.4 s while loading/,
  },
  {
    name: 'memory bomb (arrays)',
    blank: 'ngram-lookup',
    code: 'const a: number[][] = []; for (;;) a.push(new Array(1e5).fill(7));',
    verdict: /over the 32 MB memory limit/,
    limits: { callTimeoutMs: 5_000 },
  },
  {
    name: 'memory bomb (typed arrays)',
    blank: 'ngram-lookup',
    code: 'const a: Float64Array[] = []; for (;;) a.push(new Float64Array(1e6));',
    verdict: /Array buffer allocation failed|memory limit/,
  },
  {
    name: 'memory bomb (string doubling)',
    blank: 'ngram-lookup',
    code: 'let s = "x"; for (;;) s += s; return [];',
    verdict: /RangeError: Invalid string length|memory limit/,
  },
  {
    name: 'never-settling promise',
    blank: 'ngram-lookup',
    code: 'return new Promise(() => {}) as any;',
    verdict: /a Promise is not plain data/,
  },
  {
    name: 'async function body',
    blank: 'ngram-lookup',
    code: 'return (async () => [1])() as any;',
    verdict: /a Promise is not plain data/,
  },
  {
    name: 'dynamic import',
    blank: 'ngram-lookup',
    code: 'return import("node:fs") as any;',
    verdict: /a Promise is not plain data/,
  },
  {
    name: 'huge result',
    blank: 'ngram-lookup',
    code: 'return new Array(3_000_000).fill(1);',
    verdict: /3000000 elements; the limit is 100000|memory limit/,
    // Filling 3M elements can pass 0.4 s on a loaded machine: let the size limit be what stops it.
    limits: { callTimeoutMs: 5_000 },
  },
  {
    name: 'huge console output',
    blank: 'ngram-lookup',
    code: 'for (let i = 0; i < 20000; i++) console.log("spam".repeat(100)); return [];',
    verdict: /expected \[3, 4, 1\]/,
    test: 'worked-example',
  },
  {
    name: 'throws a number',
    blank: 'ngram-lookup',
    code: 'throw 42;',
    verdict: /threw a value that is not an Error: 42/,
  },
  { name: 'throws null', blank: 'ngram-lookup', code: 'throw null;', verdict: /not an Error: null/ },
  {
    name: 'throws a symbol',
    blank: 'ngram-lookup',
    code: 'throw Symbol("x");',
    verdict: /not an Error: a symbol/,
  },
  {
    name: 'throws an object whose toString throws',
    blank: 'ngram-lookup',
    code: 'const o: any = {}; o.toString = () => { throw o; }; throw o;',
    verdict: /not an Error: a object/,
  },
  {
    name: 'process through the Function constructor',
    blank: 'ngram-lookup',
    code: 'return (({}) as any).constructor.constructor("return process")().exit(1);',
    verdict: /ReferenceError: process is not defined/,
  },
  {
    name: 'require through globalThis',
    blank: 'ngram-lookup',
    code: 'return (globalThis as any)["req" + "uire"]("child_process").execSync("id");',
    verdict: /require is not a function/,
  },
  {
    name: 'require() import',
    blank: 'ngram-lookup',
    code: 'const fs = require("fs"); return fs.readdirSync("/");',
    verdict: /Imports and require\(\) are not available/,
  },
  {
    name: 'fetch to the network',
    blank: 'ngram-lookup',
    code: 'return (globalThis as any).fetch("http://127.0.0.1:1/");',
    verdict: /fetch is not a function/,
  },
  {
    name: 'host object through a prototype chain',
    blank: 'ngram-lookup',
    code: 'return (context as any).__proto__.constructor.constructor("return typeof process + typeof require + typeof setTimeout")() as any;',
    verdict: /returned "undefinedundefinedundefined"; expected an array of token ids/,
  },
  {
    name: 'returns a getter that loops',
    blank: 'flash-online-softmax',
    code: 'return { get m() { for (;;) {} }, l: 1, o: new Float32Array(d) } as any;',
    verdict: /ran longer than 0.4 s/,
  },
  {
    name: 'returns a Proxy that throws',
    blank: 'ngram-lookup',
    code: 'return new Proxy([], { get() { throw new Error("trap"); } }) as any;',
    verdict: /threw while calling proposeByLookup\(…\): trap/,
  },
  {
    name: 'returns a function',
    blank: 'ngram-lookup',
    code: 'return (() => [1]) as any;',
    verdict: /a function is not plain data/,
  },
  {
    name: 'endless recursion',
    blank: 'ngram-lookup',
    code: 'const f = (n: number): number => f(n + 1); return [f(0)];',
    verdict: /Maximum call stack size exceeded/,
  },
  {
    name: 'blocks in Atomics.wait',
    blank: 'ngram-lookup',
    code: 'Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); return [];',
    verdict: /ran longer than 0.4 s/,
  },
  {
    name: 'wrong export name',
    blank: 'spec-accept-ratio',
    code: 'export function ratio(px: number, qx: number) { return px / qx; }',
    verdict: /must export function acceptRatio, acceptDraft/,
  },
  {
    name: 'does not compile',
    blank: 'ngram-lookup',
    code: 'return [1, 2',
    verdict: /does not compile:\nline \d+/,
  },
  {
    name: 'edits outside the TODO region',
    blank: 'ngram-lookup',
    code: '// ==== TODO: BEGIN (your code) ====\nreturn [];\n// ==== TODO: END ====\n}\nexport const evil = 1;',
    verdict: /Only the code between the TODO markers may change/,
  },
  {
    name: 'CPU budget spread over many calls',
    blank: 'spec-accept-ratio',
    code: ratioFns('const end = Date.now() + 150; while (Date.now() < end) {} return Math.min(1, px / qx);'),
    verdict: /more than 1.5 s of CPU time in total/,
    test: 'ratio-range',
    visibleOnly: false,
  },
  {
    name: 'tampers with the arrays handed in',
    blank: 'spec-residual',
    code: `const out = new Float32Array(p.length); let t = 0;
  for (let i = 0; i < p.length; i++) { out[i] = Math.max(0, p[i]! - q[i]!); t += out[i]!; }
  p.fill(0); q.fill(1);
  if (t > 0) return out.map((x) => x / t);
  out[0] = 1; return out;`,
    verdict: /p and q must not change/,
    test: 'inputs-untouched',
    visibleOnly: false,
  },
];

test(`${hostile.length} hostile submissions each get a clear verdict`, async () => {
  assert.ok(hostile.length >= 20);
  for (const h of hostile) {
    const blank = findCodeBlank(h.blank)!;
    const grading = await gradeCode(blank, h.code, models, {
      visibleOnly: h.visibleOnly ?? true,
      limits: { ...limits, ...h.limits },
    });
    const judged = h.test ? grading.results.filter((r) => r.id === h.test) : grading.results;
    assert.ok(judged.length > 0, h.name);
    for (const result of judged) {
      assert.equal(result.passed, false, `${h.name}: ${result.id} passed`);
      assert.match(result.message, h.verdict, `${h.name}: ${result.message}`);
    }
    assert.ok(grading.console.length <= limits.maxConsoleChars, `${h.name}: console capped`);
  }
});

test('tampered inputs never reach the host: the engine runs still match the reference', async () => {
  const code = hostile.find((h) => h.name === 'tampers with the arrays handed in')!.code;
  const grading = await gradeCode(findCodeBlank('spec-residual')!, code, models, { limits });
  const byId = Object.fromEntries(grading.results.map((r) => [r.id, r.passed]));
  assert.equal(byId['inputs-untouched'], false);
  assert.equal(byId['engine-sampling'], true);
  assert.equal(byId.lossless, true);
});

test('monkey-patched builtins in student code do not fool the harness', async () => {
  const code = `Object.defineProperty(Array.prototype, '0', { set() { throw new Error('setter hit'); }, configurable: true });
(Array.prototype as any).map = null; (globalThis as any).Reflect = null; (globalThis as any).console = null;
${ratioFns('return Math.min(1, px / qx);')}`;
  const grading = await gradeCode(findCodeBlank('spec-accept-ratio')!, code, models, {
    visibleOnly: true,
    limits,
  });
  assert.ok(
    grading.results.every((r) => r.passed),
    JSON.stringify(grading.results),
  );
});

test('after all of that the same process grades correct code in full', async () => {
  for (const id of ['ngram-lookup', 'spec-accept-ratio', 'flash-online-softmax']) {
    const grading = await gradeCode(findCodeBlank(id)!, referenceSolutions[id]!, models);
    assert.equal(grading.score, 1, `${id}: ${JSON.stringify(grading.results.filter((r) => !r.passed))}`);
  }
});
