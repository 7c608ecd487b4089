import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CsvError, parseCsv, parseCsvRecords, toCsv } from '../src/index.ts';

describe('parseCsv', () => {
  test('plain fields, LF or CRLF line ends, the last line end starts no record', () => {
    const expected = [
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ];
    assert.deepEqual(parseCsv('a,b,c\n1,2,3\n'), expected);
    assert.deepEqual(parseCsv('a,b,c\r\n1,2,3\r\n'), expected);
    assert.deepEqual(parseCsv('a,b,c\r\n1,2,3'), expected);
    assert.deepEqual(parseCsv('a,b,c\r1,2,3\r'), expected);
  });

  test('quoted fields keep commas, doubled quotes and line breaks', () => {
    assert.deepEqual(parseCsv('"a,b","say ""hi""","two\nlines","crlf\r\ninside"\r\n'), [
      ['a,b', 'say "hi"', 'two\nlines', 'crlf\r\ninside'],
    ]);
  });

  test('Chinese text in quotes, with commas and quotes', () => {
    assert.deepEqual(parseCsv('學號,姓名\r\nB12901001,"王「小明」, ""阿明"""\r\n'), [
      ['學號', '姓名'],
      ['B12901001', '王「小明」, "阿明"'],
    ]);
  });

  test('a UTF-8 BOM at the start is dropped, elsewhere it is kept', () => {
    assert.deepEqual(parseCsv('\uFEFFStudent,ID\n'), [['Student', 'ID']]);
    assert.deepEqual(parseCsv('a\n\uFEFFb\n'), [['a'], ['\uFEFFb']]);
  });

  test('empty fields, empty quoted fields and blank lines in between', () => {
    assert.deepEqual(parseCsv(',,\n"",x,""\n\nlast'), [['', '', ''], ['', 'x', ''], [''], ['last']]);
    assert.deepEqual(parseCsv('""'), [['']]);
    assert.deepEqual(parseCsv(''), []);
    assert.deepEqual(parseCsv('\uFEFF'), []);
  });

  test('spaces are data, and a quote inside an unquoted field is literal', () => {
    assert.deepEqual(parseCsv('    Points Possible, x ,5"6\n'), [['    Points Possible', ' x ', '5"6']]);
  });

  test('records know the physical line they start on, past multi-line fields', () => {
    const records = parseCsvRecords('h1,h2\n"a\nb\nc",1\r\nnext,2\n');
    assert.deepEqual(
      records.map((r) => r.line),
      [1, 2, 5],
    );
    assert.deepEqual(records[2]!.fields, ['next', '2']);
  });

  test('an unterminated quote throws a CsvError with the line where the quote opened', () => {
    assert.throws(
      () => parseCsv('a,b\n1,2\n3,"never\nclosed\n'),
      (error: unknown) =>
        error instanceof CsvError &&
        error.line === 3 &&
        /line 3: a quoted field is never closed/.test(error.message),
    );
  });

  test('text after a closing quote throws, naming the line', () => {
    assert.throws(
      () => parseCsv('ok\n"a"b,c\n'),
      (error: unknown) =>
        error instanceof CsvError && error.line === 2 && /after a closing quote/.test(error.message),
    );
  });
});

describe('toCsv', () => {
  test('quotes only when needed and ends every row with CRLF', () => {
    assert.equal(
      toCsv([
        ['a', 'b,c', 'say "hi"', 'line\nbreak', ''],
        [1, 0.25, null, '王小明', '    Points Possible'],
      ]),
      'a,"b,c","say ""hi""","line\nbreak",\r\n1,0.25,,王小明,    Points Possible\r\n',
    );
    assert.equal(toCsv([]), '');
  });

  test('refuses numbers that are not finite', () => {
    assert.throws(() => toCsv([[Number.NaN]]), /not a finite number/);
    assert.throws(() => toCsv([[Number.POSITIVE_INFINITY]]), /not a finite number/);
  });

  test('round-trips through parseCsv (awkward fields, Chinese text)', () => {
    const rows = [
      ['Student', 'note'],
      ['陳,大文', '"quoted"'],
      ['李 四', 'a\r\nb'],
      ['', ','],
      ['"', '""'],
    ];
    assert.deepEqual(parseCsv(toCsv(rows)), rows);
  });
});
