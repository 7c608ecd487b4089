// RFC 4180 CSV: the roster import and the Canvas gradebook export share this reader and writer.

/** A CSV file that cannot be read; `line` is 1-based, counted in the file's physical lines. */
export class CsvError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvError';
    this.line = line;
  }
}

/** A record and the physical line it starts on (a quoted field may span several lines). */
export type CsvRecord = { line: number; fields: string[] };

const BOM = '\uFEFF';

/**
 * Reads RFC 4180 CSV: quoted fields with doubled quotes, commas and line breaks inside quotes, CRLF,
 * LF or lone CR line ends. A leading UTF-8 BOM is dropped and the line end after the last record does
 * not start another one. Blank lines in between stay records of one empty field.
 */
export function parseCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inRecord = false; // whether anything of a record follows the last line end
  let i = text.startsWith(BOM) ? 1 : 0;

  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    records.push({ line: recordLine, fields });
    fields = [];
    inRecord = false;
  };
  // Consumes the line end (CRLF, LF or CR) at i.
  const skipLineEnd = () => {
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    line += 1;
  };

  while (i < text.length) {
    const ch = text[i];
    if (ch === '\r' || ch === '\n') {
      skipLineEnd();
      endRecord();
      recordLine = line;
      continue;
    }
    inRecord = true;
    if (ch === '"' && field === '') {
      const openedOn = line;
      i += 1;
      for (;;) {
        if (i >= text.length) throw new CsvError(openedOn, 'a quoted field is never closed');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        if (text[i] === '\r' || text[i] === '\n') {
          const start = i;
          skipLineEnd();
          field += text.slice(start, i);
          continue;
        }
        field += text[i];
        i += 1;
      }
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        throw new CsvError(
          line,
          `unexpected '${next}' after a closing quote (a quote inside a field is written "")`,
        );
      }
      continue;
    }
    if (ch === ',') {
      endField();
      i += 1;
      continue;
    }
    field += ch;
    i += 1;
  }
  if (inRecord) endRecord();
  return records;
}

/** The fields of every record; see parseCsvRecords. Throws CsvError on an unterminated quote. */
export function parseCsv(text: string): string[][] {
  return parseCsvRecords(text).map((record) => record.fields);
}

export type CsvCell = string | number | null;

/** Writes CSV with CRLF after every row, quoting only fields with a comma, quote or line break. */
export function toCsv(rows: CsvCell[][]): string {
  return rows.map((row) => `${row.map(formatCell).join(',')}\r\n`).join('');
}

function formatCell(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new RangeError(`CSV cell ${cell} is not a finite number`);
    return String(cell);
  }
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}
