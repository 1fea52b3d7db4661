import { describe, expect, it } from 'vitest';
import { decimalCell, integerCell, listCell, MAX_CSV_ROWS, readCsv } from './csv.js';

const columns = { required: ['centre_id', 'date'], optional: ['walk_in_capacity'] };

describe('reading an uploaded CSV', () => {
  it('keys rows by column, in any order, numbering rows as a spreadsheet does', () => {
    const { rows, problems } = readCsv('\uFEFFDate,centre_id\n2026-12-01, 700001\n\n"2026-12-02",700002\n', columns);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { row: 2, values: { date: '2026-12-01', centre_id: '700001' } },
      { row: 4, values: { date: '2026-12-02', centre_id: '700002' } },
    ]);
  });

  it('reports a missing, unknown or repeated column on row 1', () => {
    expect(readCsv('centre_id,colour\n1,red\n', columns).problems.map((p) => [p.row, p.field])).toEqual([[1, 'colour'], [1, 'date']]);
    expect(readCsv('centre_id,date,date\n1,2,3\n', columns).problems.map((p) => p.field)).toEqual(['header']);
    expect(readCsv('', columns).problems[0]!.error).toMatch(/^The file is empty\. Expected columns: centre_id, date, walk_in_capacity\./);
    expect(readCsv('centre_id,date\n', columns).problems).toEqual([{ row: 2, field: 'csv', error: 'The file has a header but no rows.' }]);
  });

  it('reports a row of the wrong length, and broken quoting, by row', () => {
    expect(readCsv('centre_id,date\n1,2\n3\n', columns).problems).toEqual([{ row: 3, field: 'csv', error: 'This row has 1 values but the header has 2 columns.' }]);
    expect(readCsv('centre_id,date\n1,"2\n', columns).problems[0]).toMatchObject({ field: 'csv', error: expect.stringMatching(/^The file is not valid CSV/) });
  });

  it('refuses more rows than one upload may hold', () => {
    const text = `centre_id,date\n${'1,2\n'.repeat(MAX_CSV_ROWS + 5)}`;
    expect(readCsv(text, columns).problems).toEqual([{ row: MAX_CSV_ROWS + 2, field: 'csv', error: `A file may hold at most ${MAX_CSV_ROWS} rows; split it into several files.` }]);
  });

  it('reads numbers and lists strictly', () => {
    expect([integerCell('42'), integerCell('4.2'), integerCell(''), integerCell(undefined)]).toEqual([42, Number.NaN, Number.NaN, Number.NaN]);
    expect([decimalCell('18.93'), decimalCell('1e3')]).toEqual([18.93, Number.NaN]);
    expect(listCell(' a ; b;;')).toEqual(['a', 'b']);
  });
});
