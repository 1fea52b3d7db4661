import { CsvError, parse } from 'csv-parse/sync';
import type { RowProblem } from './schema.js';

/** What one upload may hold: enough for a district's month, small enough to check in one request. */
export const MAX_CSV_BYTES = 512 * 1024;
export const MAX_CSV_ROWS = 1000;

export interface CsvRow {
  /** The spreadsheet's row number; the header is row 1. */
  row: number;
  values: Record<string, string>;
}

/**
 * Reads an uploaded CSV whose first row names the columns. Columns may come in any order; each
 * required one must be there, and no unknown one may be. Problems with the file itself come back as
 * row problems too, so the uploader sees one kind of report.
 */
export function readCsv(text: string, columns: { required: readonly string[]; optional: readonly string[] }): { rows: CsvRow[]; problems: RowProblem[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true, max_record_size: 8192, to: MAX_CSV_ROWS + 2,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof CsvError) return { rows: [], problems: [{ row: (error as CsvError & { lines?: number }).lines ?? 1, field: 'csv', error: `The file is not valid CSV: ${error.message}` }] };
    throw error;
  }
  const [header, ...data] = records;
  const known = [...columns.required, ...columns.optional];
  const expected = `Expected columns: ${known.join(', ')}.`;
  if (!header) return { rows: [], problems: [{ row: 1, field: 'csv', error: `The file is empty. ${expected}` }] };
  const names = header.record.map((name) => name.toLowerCase());
  const problems: RowProblem[] = [];
  for (const name of names) if (!known.includes(name)) problems.push({ row: 1, field: name || 'header', error: `Unknown column "${name}". ${expected}` });
  for (const name of columns.required) if (!names.includes(name)) problems.push({ row: 1, field: name, error: `Column ${name} is missing. ${expected}` });
  if (names.length !== new Set(names).size) problems.push({ row: 1, field: 'header', error: 'A column is named twice.' });
  if (data.length === 0) problems.push({ row: 2, field: 'csv', error: 'The file has a header but no rows.' });
  if (data.length > MAX_CSV_ROWS) problems.push({ row: MAX_CSV_ROWS + 2, field: 'csv', error: `A file may hold at most ${MAX_CSV_ROWS} rows; split it into several files.` });
  if (problems.length > 0) return { rows: [], problems };

  const rows: CsvRow[] = [];
  for (const { record, info } of data) {
    if (record.length !== names.length) {
      problems.push({ row: info.lines, field: 'csv', error: `This row has ${record.length} values but the header has ${names.length} columns.` });
      continue;
    }
    rows.push({ row: info.lines, values: Object.fromEntries(names.map((name, i) => [name, record[i]!])) });
  }
  return { rows, problems };
}

/** A whole number, or NaN (which the shared rules then report in their own words). */
export function integerCell(text: string | undefined): number {
  return text !== undefined && /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
}

export function decimalCell(text: string | undefined): number {
  return text !== undefined && /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
}

/** Cells that hold a list, e.g. "09:00AM-11:00AM;11:00AM-01:00PM". */
export function listCell(text: string | undefined): string[] {
  return (text ?? '').split(';').map((item) => item.trim()).filter((item) => item !== '');
}
