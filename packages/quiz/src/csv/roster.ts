// Reads a class roster CSV for the TA console's import preview: good rows plus one error per problem.
import type { LocalizedText } from '../types.ts';
import { parseCsvRecords } from './csv.ts';

export const MAX_ROSTER_ROWS = 2000;

export type RosterRow = {
  /** The row's line in the file (1 is the header). */
  line: number;
  studentId: string;
  name: string;
  /** Trimmed and lower-cased. */
  email: string;
  section: string | null;
};

export type RosterErrorCode =
  | 'MISSING_COLUMN'
  | 'MISSING_VALUE'
  | 'BAD_EMAIL'
  | 'BAD_STUDENT_ID'
  | 'DUPLICATE_EMAIL'
  | 'DUPLICATE_STUDENT_ID'
  | 'TOO_MANY_ROWS';

export type RosterError = {
  line: number;
  /** 'studentId', 'name', 'email' or 'section'. */
  column?: string;
  code: RosterErrorCode;
  message: LocalizedText;
};

type RosterColumn = 'studentId' | 'name' | 'email' | 'section';

// Header names after normalizeHeader: lower case, no spaces, underscores or hyphens.
const HEADER_NAMES: Record<RosterColumn, string[]> = {
  studentId: ['studentid', '學號'],
  name: ['name', '姓名'],
  email: ['email', '電子郵件'],
  section: ['section', '班別', '組別'],
};
const REQUIRED: RosterColumn[] = ['studentId', 'name', 'email'];
const COLUMN_LABEL: Record<RosterColumn, LocalizedText> = {
  studentId: { en: 'student id', 'zh-TW': '學號' },
  name: { en: 'name', 'zh-TW': '姓名' },
  email: { en: 'email', 'zh-TW': '電子郵件' },
  section: { en: 'section', 'zh-TW': '班別' },
};

/** NTU's form, a letter and 8 digits (B12901001); stored upper-cased. */
const NTU_STUDENT_ID = /^[a-z]\d{8}$/i;
/** Any other id: 3 to 20 letters and digits, kept as written. */
const OTHER_STUDENT_ID = /^[a-z0-9]{3,20}$/i;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/**
 * Parses a roster: a header row (student id / 學號, name / 姓名, email / 電子郵件 / e-mail, optional
 * section / 班別 / 組別; any case and order, other columns ignored), then one student per row. Rows
 * with problems are left out and each problem is reported; a later duplicate of a student id
 * (compared case-insensitively) or email is the one reported. Blank rows are skipped. More than
 * MAX_ROSTER_ROWS students rejects the whole file. Throws CsvError if the CSV itself is broken.
 */
export function parseRoster(text: string): { rows: RosterRow[]; errors: RosterError[] } {
  const records = parseCsvRecords(text).filter((r) => r.fields.some((f) => f.trim() !== ''));
  const [header, ...body] = records;
  const columns = findColumns(header?.fields ?? []);
  const missing = REQUIRED.filter((c) => columns[c] === undefined);
  if (missing.length > 0) {
    const line = header?.line ?? 1;
    const errors = missing.map((column): RosterError => {
      const label = COLUMN_LABEL[column];
      return {
        line,
        column,
        code: 'MISSING_COLUMN',
        message: {
          en: `The header row has no "${label.en}" column`,
          'zh-TW': `標題列缺少「${label['zh-TW']}」欄`,
        },
      };
    });
    return { rows: [], errors };
  }
  if (body.length > MAX_ROSTER_ROWS) {
    const line = body[MAX_ROSTER_ROWS]!.line;
    const message = {
      en: `The roster has ${body.length} students; at most ${MAX_ROSTER_ROWS} can be imported at once`,
      'zh-TW': `名單有 ${body.length} 位學生，一次最多匯入 ${MAX_ROSTER_ROWS} 位`,
    };
    return { rows: [], errors: [{ line, code: 'TOO_MANY_ROWS', message }] };
  }

  const rows: RosterRow[] = [];
  const errors: RosterError[] = [];
  const lineOfId = new Map<string, number>();
  const lineOfEmail = new Map<string, number>();
  for (const { line, fields } of body) {
    const cell = (column: RosterColumn) => {
      const index = columns[column];
      return index === undefined ? '' : (fields[index] ?? '').trim();
    };
    const rowErrors: RosterError[] = [];
    const fail = (column: RosterColumn, code: RosterErrorCode, message: LocalizedText) =>
      rowErrors.push({ line, column, code, message });

    for (const column of REQUIRED) {
      if (cell(column) !== '') continue;
      const label = COLUMN_LABEL[column];
      fail(column, 'MISSING_VALUE', {
        en: `Line ${line}: the ${label.en} is empty`,
        'zh-TW': `第 ${line} 行：${label['zh-TW']}是空的`,
      });
    }

    let studentId = cell('studentId');
    if (NTU_STUDENT_ID.test(studentId)) studentId = studentId.toUpperCase();
    else if (studentId !== '' && !OTHER_STUDENT_ID.test(studentId)) {
      fail('studentId', 'BAD_STUDENT_ID', {
        en: `Line ${line}: student id "${studentId}" is not 3–20 letters and digits (e.g. B12901001)`,
        'zh-TW': `第 ${line} 行：學號「${studentId}」須為 3–20 個英數字（例如 B12901001）`,
      });
    }

    const email = cell('email').toLowerCase();
    if (email !== '' && !EMAIL.test(email)) {
      fail('email', 'BAD_EMAIL', {
        en: `Line ${line}: "${email}" is not an email address`,
        'zh-TW': `第 ${line} 行：「${email}」不是有效的電子郵件地址`,
      });
    }

    const firstWithId = lineOfId.get(studentId.toUpperCase());
    if (studentId !== '' && firstWithId !== undefined) {
      fail('studentId', 'DUPLICATE_STUDENT_ID', {
        en: `Line ${line}: student id ${studentId} already appears on line ${firstWithId}`,
        'zh-TW': `第 ${line} 行：學號 ${studentId} 與第 ${firstWithId} 行重複`,
      });
    }
    const firstWithEmail = lineOfEmail.get(email);
    if (email !== '' && firstWithEmail !== undefined) {
      fail('email', 'DUPLICATE_EMAIL', {
        en: `Line ${line}: ${email} already appears on line ${firstWithEmail}`,
        'zh-TW': `第 ${line} 行：電子郵件 ${email} 與第 ${firstWithEmail} 行重複`,
      });
    }

    // The first line with a value owns it, even if that row has other problems.
    if (studentId !== '' && firstWithId === undefined) lineOfId.set(studentId.toUpperCase(), line);
    if (email !== '' && firstWithEmail === undefined) lineOfEmail.set(email, line);
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    rows.push({ line, studentId, name: cell('name'), email, section: cell('section') || null });
  }
  return { rows, errors };
}

function normalizeHeader(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

// The first column whose header names each field; later repeats are ignored like any extra column.
function findColumns(header: string[]): Partial<Record<RosterColumn, number>> {
  const columns: Partial<Record<RosterColumn, number>> = {};
  header.forEach((name, index) => {
    const normalized = normalizeHeader(name);
    for (const [column, names] of Object.entries(HEADER_NAMES) as [RosterColumn, string[]][]) {
      if (names.includes(normalized) && columns[column] === undefined) columns[column] = index;
    }
  });
  return columns;
}
