import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CsvError, MAX_ROSTER_ROWS, parseRoster, type RosterError, toCsv } from '../src/index.ts';

const codes = (errors: RosterError[]) => errors.map((e) => `${e.line}:${e.code}:${e.column ?? ''}`);

describe('parseRoster: headers', () => {
  test('English headers in any case and order, extra columns ignored, section optional', () => {
    const { rows, errors } = parseRoster(
      'Email,NOTE,Student ID,Name\r\nAmy@NTU.edu.tw ,hi,b12901001,Amy Chen\r\n',
    );
    assert.deepEqual(errors, []);
    assert.deepEqual(rows, [
      { line: 2, studentId: 'B12901001', name: 'Amy Chen', email: 'amy@ntu.edu.tw', section: null },
    ]);
  });

  test('Chinese headers (學號, 姓名, 電子郵件, 班別) with a BOM, Chinese names intact', () => {
    const text = '\uFEFF學號,姓名,電子郵件,班別\r\nR13922001,"王小明, Jr.",r13922001@ntu.edu.tw,"第一班"\r\n';
    assert.deepEqual(parseRoster(text), {
      rows: [
        {
          line: 2,
          studentId: 'R13922001',
          name: '王小明, Jr.',
          email: 'r13922001@ntu.edu.tw',
          section: '第一班',
        },
      ],
      errors: [],
    });
  });

  test('spelling variants: student_id, STUDENT-ID, e-mail, E_Mail, 組別', () => {
    for (const header of ['student_id,name,e-mail,組別', 'STUDENT-ID,NAME,E_Mail,Section']) {
      const { rows, errors } = parseRoster(`${header}\nB12901001,A,a@b.co,S1\n`);
      assert.deepEqual(errors, [], header);
      assert.equal(rows[0]!.section, 'S1', header);
      assert.equal(rows[0]!.email, 'a@b.co', header);
    }
  });

  test('missing required columns: one MISSING_COLUMN each, on the header line, and no rows', () => {
    const { rows, errors } = parseRoster('姓名,班別\n王小明,1\n');
    assert.deepEqual(rows, []);
    assert.deepEqual(codes(errors), ['1:MISSING_COLUMN:studentId', '1:MISSING_COLUMN:email']);
    assert.match(errors[0]!.message.en, /"student id" column/);
    assert.match(errors[0]!.message['zh-TW'], /學號/);
  });

  test('an empty file is missing every required column', () => {
    assert.deepEqual(codes(parseRoster('').errors), [
      '1:MISSING_COLUMN:studentId',
      '1:MISSING_COLUMN:name',
      '1:MISSING_COLUMN:email',
    ]);
  });

  test('a broken CSV throws CsvError with its line', () => {
    assert.throws(
      () => parseRoster('學號,姓名,電子郵件\nB12901001,"王小明,x@y.z\n'),
      (e: unknown) => e instanceof CsvError && e.line === 2,
    );
  });
});

describe('parseRoster: rows', () => {
  const header = 'student id,name,email,section\n';

  test('each bad row gives its own errors with line numbers, good rows still come back', () => {
    const text =
      header +
      'B12901001,Amy,amy@ntu.edu.tw,A\n' + // line 2: good
      ',Bob,bob@ntu.edu.tw,A\n' + // line 3: no id
      'B12901003,,,B\n' + // line 4: no name, no email
      'B12901004,Cat,not-an-email,\n' + // line 5
      'B1290!004,Dan,dan@ntu.edu.tw,\n' + // line 6: bad id
      'b12901001,Eve,eve@ntu.edu.tw,\n' + // line 7: duplicate id (case-insensitive)
      'B12901007,Fay,AMY@ntu.edu.tw,\n' + // line 8: duplicate email (case-insensitive)
      'guest42,Gus,gus@example.com,\n'; // line 9: good, non-NTU id kept as written
    const { rows, errors } = parseRoster(text);
    assert.deepEqual(
      rows.map((r) => [r.line, r.studentId, r.section]),
      [
        [2, 'B12901001', 'A'],
        [9, 'guest42', null],
      ],
    );
    assert.deepEqual(codes(errors), [
      '3:MISSING_VALUE:studentId',
      '4:MISSING_VALUE:name',
      '4:MISSING_VALUE:email',
      '5:BAD_EMAIL:email',
      '6:BAD_STUDENT_ID:studentId',
      '7:DUPLICATE_STUDENT_ID:studentId',
      '8:DUPLICATE_EMAIL:email',
    ]);
    const duplicate = errors.find((e) => e.code === 'DUPLICATE_STUDENT_ID')!;
    assert.match(duplicate.message.en, /Line 7: .*line 2/);
    assert.match(duplicate.message['zh-TW'], /第 7 行.*第 2 行/);
  });

  test('student ids: a letter and 8 digits upper-cased, others 3–20 letters and digits', () => {
    const ids = ['r13922001', 'AB', 'abc', 'x'.repeat(20), 'x'.repeat(21), 'B12 901001', '學號123'];
    const text = header + ids.map((id, i) => `${id},N${i},n${i}@ntu.edu.tw,`).join('\n');
    const { rows, errors } = parseRoster(text);
    assert.deepEqual(
      rows.map((r) => r.studentId),
      ['R13922001', 'abc', 'x'.repeat(20)],
    );
    assert.deepEqual(
      errors.map((e) => [e.line, e.code]),
      [
        [3, 'BAD_STUDENT_ID'],
        [6, 'BAD_STUDENT_ID'],
        [7, 'BAD_STUDENT_ID'],
        [8, 'BAD_STUDENT_ID'],
      ],
    );
  });

  test('emails are trimmed and lower-cased; malformed ones are refused', () => {
    const emails = [' A.B+tag@Mail.NTU.edu.tw ', 'a@b', 'a b@c.de', '@c.de', 'a@@c.de', 'a@c..de'];
    const text = header + emails.map((email, i) => `S00${i},N,"${email}",`).join('\n');
    const { rows, errors } = parseRoster(text);
    assert.deepEqual(
      rows.map((r) => r.email),
      ['a.b+tag@mail.ntu.edu.tw'],
    );
    assert.deepEqual(
      errors.map((e) => e.code),
      Array(5).fill('BAD_EMAIL'),
    );
  });

  test('a duplicate is reported even when the first row with that value had other problems', () => {
    const { rows, errors } = parseRoster(`${header}B12901001,,a@ntu.edu.tw,\nB12901001,Bo,b@ntu.edu.tw,\n`);
    assert.deepEqual(rows, []);
    assert.deepEqual(codes(errors), ['2:MISSING_VALUE:name', '3:DUPLICATE_STUDENT_ID:studentId']);
  });

  test('blank rows are skipped, line numbers still count them, quoted newlines count too', () => {
    const text = `${header}\n,,,\n"B12901001",Amy,a@ntu.edu.tw,"Sec\ntion"\n\nB12901002,Bo,,\n`;
    const { rows, errors } = parseRoster(text);
    assert.deepEqual(
      rows.map((r) => [r.line, r.section]),
      [[4, 'Sec\ntion']],
    );
    assert.deepEqual(codes(errors), ['7:MISSING_VALUE:email']);
  });

  test('cells are trimmed and short rows read as empty cells', () => {
    const { rows, errors } = parseRoster(`${header}  B12901001 ,  王 小明  ,a@ntu.edu.tw\nB12901002,Bo\n`);
    assert.deepEqual(rows[0], {
      line: 2,
      studentId: 'B12901001',
      name: '王 小明',
      email: 'a@ntu.edu.tw',
      section: null,
    });
    assert.deepEqual(codes(errors), ['3:MISSING_VALUE:email']);
  });

  test(`at most ${MAX_ROSTER_ROWS} students: one more rejects the file`, () => {
    const students = (n: number) =>
      toCsv([
        ['學號', '姓名', '電子郵件'],
        ...Array.from({ length: n }, (_, i) => [`S${i}x`, `學生${i}`, `s${i}@ntu.edu.tw`]),
      ]);
    const full = parseRoster(students(MAX_ROSTER_ROWS));
    assert.equal(full.rows.length, MAX_ROSTER_ROWS);
    assert.deepEqual(full.errors, []);

    const over = parseRoster(students(MAX_ROSTER_ROWS + 1));
    assert.deepEqual(over.rows, []);
    assert.deepEqual(codes(over.errors), [`${MAX_ROSTER_ROWS + 2}:TOO_MANY_ROWS:`]);
    assert.match(over.errors[0]!.message.en, /2001 students; at most 2000/);
  });
});
