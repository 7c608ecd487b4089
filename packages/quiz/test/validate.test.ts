import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type ContentIssue, type QuizContent, validateQuizContent } from '../src/index.ts';
import { smallQuiz } from './fixtures.ts';

// Each case breaks one thing in a valid quiz and expects exactly these issues.
function issuesAfter(edit: (quiz: QuizContent) => void): ContentIssue[] {
  const quiz = smallQuiz();
  edit(quiz);
  const result = validateQuizContent(quiz);
  assert.equal(result.ok, false, 'expected the edited quiz to be rejected');
  return result.ok ? [] : result.issues;
}

const codesAndPaths = (issues: ContentIssue[]) => issues.map((i) => `${i.code} ${i.path}`);
const choicePart = (quiz: QuizContent, q: number, p = 0) => {
  const part = quiz.questions[q]!.parts[p]!;
  assert.equal(part.kind, 'choice');
  return part as Extract<typeof part, { kind: 'choice' }>;
};

describe('validateQuizContent', () => {
  test('accepts a valid quiz and returns it', () => {
    const result = validateQuizContent(smallQuiz());
    assert.ok(result.ok);
    assert.deepEqual(result.content, smallQuiz());
  });

  test('shape problems name the path and say what zod expected', () => {
    const issues = issuesAfter((quiz) => {
      (quiz.questions[1] as unknown as Record<string, unknown>).explaination = 'typo';
      (quiz.questions[2]!.stem as unknown as Record<string, unknown>).en = 3;
    });
    assert.deepEqual(codesAndPaths(issues).sort(), [
      'INVALID_SHAPE questions[1]',
      'INVALID_SHAPE questions[2].stem.en',
    ]);
    assert.match(issues.find((i) => i.path === 'questions[1]')!.message, /explaination/);
    assert.match(issues.find((i) => i.path === 'questions[2].stem.en')!.message, /expected string/);
    assert.equal(validateQuizContent('not a quiz').ok, false);
  });

  test('both languages must be non-empty everywhere', () => {
    const issues = issuesAfter((quiz) => {
      quiz.title.en = '';
      quiz.questions[0]!.stem['zh-TW'] = '   ';
      quiz.questions[1]!.explanation.en = '';
      choicePart(quiz, 2).options[3]!.text['zh-TW'] = '';
      choicePart(quiz, 3, 1).prompt!.en = '\n';
    });
    assert.deepEqual(codesAndPaths(issues), [
      'EMPTY_TEXT title.en',
      'EMPTY_TEXT questions[0].stem.zh-TW',
      'EMPTY_TEXT questions[1].explanation.en',
      'EMPTY_TEXT questions[2].parts[0].options[3].text.zh-TW',
      'EMPTY_TEXT questions[3].parts[1].prompt.en',
    ]);
    assert.equal(issues[1]!.message, 'questions[0].stem.zh-TW is empty');
  });

  test('question ids and numbers are unique, in order, and agree', () => {
    const duplicateId = issuesAfter((quiz) => {
      quiz.questions[2]!.id = 'q02';
    });
    assert.deepEqual(codesAndPaths(duplicateId), [
      'DUPLICATE_QUESTION_ID questions[2].id',
      'ID_NUMBER_MISMATCH questions[2].id',
    ]);
    assert.match(duplicateId[0]!.message, /'q02' is already used by questions\[1\]/);

    const duplicateNumber = issuesAfter((quiz) => {
      quiz.questions[3]!.number = 3;
      quiz.questions[3]!.id = 'q03';
    });
    assert.deepEqual(codesAndPaths(duplicateNumber), [
      'DUPLICATE_QUESTION_ID questions[3].id',
      'DUPLICATE_QUESTION_NUMBER questions[3].number',
      'QUESTION_ORDER questions[3].number',
    ]);

    const mismatch = issuesAfter((quiz) => {
      quiz.questions[0]!.id = 'q10';
    });
    assert.deepEqual(mismatch, [
      {
        path: 'questions[0].id',
        code: 'ID_NUMBER_MISMATCH',
        message: "question 1 has id 'q10'; expected 'q01'",
      },
    ]);
  });

  test('option ids are unique and run A, B, C, …', () => {
    const issues = issuesAfter((quiz) => {
      choicePart(quiz, 1).options[1]!.id = 'A';
      choicePart(quiz, 2).options[2]!.id = 'E';
    });
    assert.deepEqual(codesAndPaths(issues), [
      'DUPLICATE_OPTION_ID questions[1].parts[0].options[1].id',
      'KEY_UNKNOWN_OPTION questions[1].parts[0].key[0]',
      'OPTION_ORDER questions[2].parts[0].options[2].id',
    ]);
    assert.match(issues[0]!.message, /^q02 part 0: option id 'A' is used twice/);
    assert.match(issues[2]!.message, /expected 'C'/);
  });

  test('keys name existing options, once each, as many as choose', () => {
    const issues = issuesAfter((quiz) => {
      choicePart(quiz, 0).key = ['F'];
      choicePart(quiz, 1).key = ['B', 'B', 'E'];
      choicePart(quiz, 2).key = ['A'];
    });
    assert.deepEqual(codesAndPaths(issues), [
      'KEY_UNKNOWN_OPTION questions[0].parts[0].key[0]',
      'DUPLICATE_KEY questions[1].parts[0].key[1]',
      'KEY_LENGTH questions[2].parts[0].key',
    ]);
    assert.equal(
      issues[0]!.message,
      "q01 part 0: key names 'F', which is not an option (options: A, B, C, D)",
    );
    assert.equal(issues[2]!.message, 'q03 part 0: key has 1 option(s) but the part says choose 2');
  });

  test('choose is between 1 and the number of options', () => {
    const tooMany = issuesAfter((quiz) => {
      choicePart(quiz, 0).choose = 5;
    });
    assert.deepEqual(codesAndPaths(tooMany), [
      'CHOOSE_OUT_OF_RANGE questions[0].parts[0].choose',
      'KEY_LENGTH questions[0].parts[0].key',
    ]);
    assert.match(tooMany[0]!.message, /between 1 and 4/);
    const zero = issuesAfter((quiz) => {
      choicePart(quiz, 0).choose = 0;
      choicePart(quiz, 0).key = [];
    });
    assert.deepEqual(codesAndPaths(zero), ['CHOOSE_OUT_OF_RANGE questions[0].parts[0].choose']);
  });

  test('points are positive multiples of 0.05 and add up as the handout says', () => {
    const issues = issuesAfter((quiz) => {
      choicePart(quiz, 0).points = 0;
      choicePart(quiz, 1).points = 0.33;
      quiz.questions[3]!.parts[0]!.points = 0.3;
      choicePart(quiz, 3, 1).points = 0.2;
    });
    assert.deepEqual(codesAndPaths(issues), [
      'POINTS_NOT_POSITIVE questions[0].parts[0].points',
      'QUESTION_POINTS questions[0].parts',
      'POINTS_NOT_STEP questions[1].parts[0].points',
      'QUESTION_POINTS questions[1].parts',
      'UPLOAD_POINTS questions[3].parts[0].points',
    ]);
    assert.equal(issues[2]!.message, 'q02 part 0: points 0.33 is not a multiple of 0.05');
    assert.equal(issues[3]!.message, 'q02: parts add up to 0.33 points; each question is worth 0.5');
  });

  test('point rules can be changed for another quiz', () => {
    const quiz = smallQuiz();
    for (const question of quiz.questions) for (const part of question.parts) part.points *= 2;
    assert.equal(validateQuizContent(quiz).ok, false);
    assert.ok(validateQuizContent(quiz, { questionPoints: 1, uploadPartPoints: 0.5 }).ok);
  });
});
