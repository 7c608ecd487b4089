import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  type CanvasGradebook,
  CsvError,
  parseCanvasGradebookCsv,
  parseCsv,
  toCanvasGradebookCsv,
} from '../src/index.ts';

const gradebook: CanvasGradebook = {
  assignmentColumn: 'HW3 Quiz',
  pointsPossible: 10,
  students: [
    {
      name: '王小明',
      canvasId: '12345',
      studentId: 'B12901001',
      loginId: 'b12901001',
      section: '資工三',
      score: 9.25,
    },
    {
      name: '陳, 大文 "Dave"',
      canvasId: null,
      studentId: 'R13922001',
      loginId: 'r13922001',
      section: null,
      score: 0.1667,
    },
    { name: 'Lee Amy', studentId: 'guest42', loginId: 'amy@example.com', section: 'A, B', score: null },
  ],
};

describe('toCanvasGradebookCsv', () => {
  const csv = toCanvasGradebookCsv(gradebook);

  test('starts with a UTF-8 BOM and uses CRLF line ends', () => {
    assert.ok(csv.startsWith('\uFEFFStudent,'));
    assert.equal(csv.split('\r\n').length, 6); // header, points, three students, '' after the last CRLF
    assert.ok(!/[^\r]\n/.test(csv));
  });

  test("Canvas's columns, then a Points Possible row spelled as Canvas exports it", () => {
    const lines = csv.slice(1).split('\r\n');
    assert.equal(lines[0], 'Student,ID,SIS User ID,SIS Login ID,Section,HW3 Quiz');
    assert.equal(lines[1], '    Points Possible,,,,,10');
    assert.equal(lines[2], '王小明,12345,B12901001,b12901001,資工三,9.25');
  });

  test('names are kept as given (quoted when they hold commas or quotes); no score is an empty cell', () => {
    assert.deepEqual(parseCsv(csv).slice(3), [
      ['陳, 大文 "Dave"', '', 'R13922001', 'r13922001', '', '0.1667'],
      ['Lee Amy', '', 'guest42', 'amy@example.com', 'A, B', ''],
    ]);
  });

  test('scores are written with at most 4 decimals', () => {
    const one = toCanvasGradebookCsv({
      ...gradebook,
      students: [{ ...gradebook.students[0]!, score: 0.1 + 0.2 }],
    });
    assert.match(one, /,0\.3\r\n$/);
  });

  test('refuses a bad assignment column, points or score', () => {
    assert.throws(() => toCanvasGradebookCsv({ ...gradebook, assignmentColumn: ' ' }), /no name/);
    assert.throws(
      () => toCanvasGradebookCsv({ ...gradebook, assignmentColumn: 'Section' }),
      /student column/,
    );
    assert.throws(() => toCanvasGradebookCsv({ ...gradebook, pointsPossible: -1 }), /points possible is -1/);
    const nan = { ...gradebook.students[0]!, score: Number.NaN };
    assert.throws(
      () => toCanvasGradebookCsv({ ...gradebook, students: [nan] }),
      /the score of B12901001 is NaN/,
    );
  });
});

describe('parseCanvasGradebookCsv', () => {
  test('round trip: what we write reads back the same, Chinese names intact', () => {
    const back = parseCanvasGradebookCsv(toCanvasGradebookCsv(gradebook));
    assert.deepEqual(back, {
      ...gradebook,
      students: gradebook.students.map((s) => ({ ...s, canvasId: s.canvasId ?? null })),
    });
    assert.equal(back.students[0]!.name, '王小明');
  });

  test('round trip of an empty class', () => {
    const empty = { assignmentColumn: 'HW3', pointsPossible: 10, students: [] };
    assert.deepEqual(parseCanvasGradebookCsv(toCanvasGradebookCsv(empty)), empty);
  });

  test("reads a Canvas export: extra columns, muted row, 'EX' and 'N/A', LF line ends, no BOM", () => {
    const exported = [
      'Student,ID,SIS User ID,SIS Login ID,Section,HW1 (101),HW3 Quiz (102),Current Score',
      ',,,,,,Manual Posting,',
      '    Points Possible,,,,,5.00,10.00,(read only)',
      '"Chen, Amy",7,B12901001,b12901001,資工三,4.50,8.75,90',
      '"Student, Test",9,,,資工三,EX,N/A,',
      '',
    ].join('\n');
    assert.throws(
      () => parseCanvasGradebookCsv(exported),
      /found 3: HW1 \(101\), HW3 Quiz \(102\), Current Score/,
    );
    const read = parseCanvasGradebookCsv(exported, 'HW3 Quiz (102)');
    assert.equal(read.pointsPossible, 10);
    assert.deepEqual(
      read.students.map((s) => [s.name, s.canvasId, s.studentId, s.section, s.score]),
      [
        ['Chen, Amy', '7', 'B12901001', '資工三', 8.75],
        ['Student, Test', '9', '', '資工三', null],
      ],
    );
  });

  test('bad files throw CsvError naming the line', () => {
    const bad = (text: string, line: number, pattern: RegExp) =>
      assert.throws(
        () => parseCanvasGradebookCsv(text),
        (e: unknown) => e instanceof CsvError && e.line === line && pattern.test(e.message),
      );
    bad('', 1, /empty/);
    bad('Student,ID,SIS User ID,Section,HW\n', 1, /no "SIS Login ID" column/);
    bad('Student,ID,SIS User ID,SIS Login ID,Section\n', 1, /found 0/);
    bad('Student,ID,SIS User ID,SIS Login ID,Section,HW\nA,1,B1,b1,,3\n', 1, /no "Points Possible" row/);
    bad(
      'Student,ID,SIS User ID,SIS Login ID,Section,HW\n    Points Possible,,,,,10\nA,1,B1,b1,,9/10\n',
      3,
      /"9\/10" in column "HW" is not a number/,
    );
    assert.throws(
      () => parseCanvasGradebookCsv('Student,ID,SIS User ID,SIS Login ID,Section,HW\n', 'Quiz'),
      /no "Quiz" column/,
    );
  });
});
