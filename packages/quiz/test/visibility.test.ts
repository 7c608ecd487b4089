import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isReleased, type StudentQuizContent, studentView } from '../src/index.ts';
import { smallQuiz } from './fixtures.ts';

describe('studentView', () => {
  test('before release: no key on any part and no explanation on any question', () => {
    const view = studentView(smallQuiz(), { released: false });
    assert.equal(view.released, false);
    for (const question of view.questions) {
      assert.ok(!('explanation' in question), `${question.id} leaks its explanation`);
      for (const part of question.parts) assert.ok(!('key' in part), `${question.id} leaks its key`);
      // @ts-expect-error: the type has no explanation either
      void question.explanation;
    }
    const json = JSON.stringify(view);
    assert.ok(!json.includes('"key"') && !json.includes('explanation') && !json.includes('C is right'));
  });

  test('before release: everything else is there', () => {
    const view = studentView(smallQuiz(), { released: false });
    const q04 = view.questions[3]!;
    assert.deepEqual(Object.keys(q04).sort(), ['id', 'number', 'parts', 'section', 'stem']);
    assert.deepEqual(q04.parts[1], {
      kind: 'choice',
      prompt: smallQuiz().questions[3]!.parts[1]!.prompt,
      choose: 1,
      options: (smallQuiz().questions[3]!.parts[1] as { options: unknown }).options,
      points: 0.25,
    });
    assert.deepEqual(q04.parts[0], smallQuiz().questions[3]!.parts[0]);
    assert.deepEqual(view.title, smallQuiz().title);
  });

  test('after release: keys and explanations are present', () => {
    const view = studentView(smallQuiz(), { released: true });
    const { released, ...content } = view;
    assert.equal(released, true);
    assert.deepEqual(content, smallQuiz());
    const part = view.questions[0]!.parts[0]!;
    assert.ok(part.kind === 'choice');
    assert.deepEqual(part.key, ['C']);
  });

  test('a runtime flag gives a union that narrows on released', () => {
    const describeKeys = (view: StudentQuizContent) => {
      // @ts-expect-error: without narrowing the explanation may not exist
      void view.questions[0]!.explanation;
      return view.released ? view.questions[0]!.explanation.en : 'hidden';
    };
    assert.equal(describeKeys(studentView(smallQuiz(), { released: Math.random() > 2 })), 'hidden');
    assert.equal(describeKeys(studentView(smallQuiz(), { released: true })), 'C is right');
  });

  test('views are copies: editing one never touches the content', () => {
    const content = smallQuiz();
    for (const released of [false, true]) {
      const view = studentView(content, { released });
      view.questions[0]!.stem.en = 'changed';
      view.questions[1]!.parts.pop();
    }
    assert.deepEqual(content, smallQuiz());
  });
});

describe('isReleased', () => {
  const at = (iso: string) => new Date(iso);
  const releaseAt = at('2026-04-12T15:59:59Z');

  test('released once releaseAt has come', () => {
    assert.equal(isReleased({ releaseAt, releasedAt: null }, at('2026-04-12T15:59:58Z')), false);
    assert.equal(isReleased({ releaseAt, releasedAt: null }, releaseAt), true);
    assert.equal(isReleased({ releaseAt, releasedAt: null }, at('2026-05-01T00:00:00Z')), true);
  });

  test('released earlier when a TA released by hand', () => {
    const releasedAt = at('2026-04-10T08:00:00Z');
    assert.equal(isReleased({ releaseAt, releasedAt }, at('2026-04-10T09:00:00Z')), true);
    assert.equal(isReleased({ releaseAt, releasedAt }, at('2026-04-10T07:00:00Z')), false);
  });

  test('invalid dates throw', () => {
    assert.throws(
      () => isReleased({ releaseAt: new Date('nope'), releasedAt: null }, new Date()),
      /releaseAt/,
    );
    assert.throws(() => isReleased({ releaseAt, releasedAt: null }, new Date(Number.NaN)), /now/);
  });
});
