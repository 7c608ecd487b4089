import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  codeScore,
  fillTemplate,
  findCodeBlank,
  hw3CodeBlanks,
  referenceSolutions,
  studentCodeBlank,
  studentCodeResults,
  submittedRegion,
  TemplateError,
  TODO_BEGIN,
  TODO_END,
  validateCodeBlank,
} from '../src/index.ts';

test('every HW3 blank validates and has a reference solution', () => {
  assert.equal(hw3CodeBlanks.length, 5);
  for (const blank of hw3CodeBlanks) {
    const result = validateCodeBlank(blank);
    assert.ok(result.ok, `${blank.id}: ${JSON.stringify(!result.ok && result.issues)}`);
    assert.equal(typeof referenceSolutions[blank.id], 'string', blank.id);
    assert.ok(fillTemplate(blank.template, referenceSolutions[blank.id]!).includes('export function'));
  }
});

test('validation names the problem: duplicate ids, no hidden test, a missing entry point', () => {
  const blank = findCodeBlank('spec-residual')!;
  const broken = {
    ...blank,
    entryPoints: ['residualDistribution', 'nowhere'],
    tests: blank.tests.filter((t) => !t.hidden).map((t) => ({ ...t, id: 'same' })),
  };
  const result = validateCodeBlank(broken);
  assert.equal(result.ok, false);
  const messages = !result.ok ? result.issues.map((i) => `${i.path}: ${i.message}`) : [];
  assert.ok(messages.some((m) => m.includes('duplicate test id "same"')));
  assert.ok(messages.some((m) => m.includes('at least one hidden test')));
  assert.ok(messages.some((m) => m.includes('does not export function nowhere')));
  const shape = validateCodeBlank({ ...blank, id: 'Bad Id' });
  assert.ok(!shape.ok && shape.issues[0]!.path === 'id');
});

test('a submission is the region alone or the whole file with only the region changed', () => {
  const { template } = findCodeBlank('spec-residual')!;
  assert.equal(submittedRegion(template, 'return p;'), 'return p;');
  const whole = template.replace(
    /(==== TODO: BEGIN \(your code\) ====)[\s\S]*?(\s*\/\/ ==== TODO: END)/,
    '$1\n  return p;$2',
  );
  assert.equal(submittedRegion(template, whole).trim(), 'return p;');
  assert.ok(fillTemplate(template, whole).includes('return p;'));
  const tampered = whole.replace('function argmax', 'function argmaxRenamed');
  assert.throws(() => submittedRegion(template, tampered), /Only the code between the TODO markers/);
  assert.throws(() => submittedRegion(template, `${TODO_BEGIN}\n${TODO_BEGIN}\n${TODO_END}`), TemplateError);
  assert.throws(() => submittedRegion(template, 'x'.repeat(20_001)), /limit is 20000/);
});

test('students see hidden tests by name only, and hidden messages only after release', () => {
  const blank = findCodeBlank('ngram-lookup')!;
  const view = studentCodeBlank(blank);
  assert.ok(view.tests.every((t) => !('weight' in t)));
  const results = [
    { id: 'worked-example', name: 'w', hidden: false, passed: false, message: 'expected [3, 4, 1]' },
    { id: 'random-contexts', name: 'r', hidden: true, passed: false, message: 'context [5, 5] expected [5]' },
  ];
  const before = studentCodeResults(results, { released: false });
  assert.equal(before[0]!.message, 'expected [3, 4, 1]');
  assert.doesNotMatch(before[1]!.message, /context/);
  assert.equal(studentCodeResults(results, { released: true })[1]!.message, 'context [5, 5] expected [5]');
});

test('score is the points times the passed share of test weight', () => {
  const blank = findCodeBlank('spec-residual')!;
  assert.equal(codeScore(blank, new Set()), 0);
  assert.equal(codeScore(blank, new Set(blank.tests.map((t) => t.id))), blank.points);
  assert.equal(codeScore(blank, new Set(['worked-example'])), 0.1);
});
