import { ServerMessage } from '../server-message.js';
import { useStaffTranslation } from '../staff-i18n.js';
import type { CsvKind } from './csv-examples.js';
import type { RowProblem } from './planning-api.js';

/**
 * Every problem of every row, as the server found them, in the file's order; row numbers are a
 * spreadsheet's (the header is row 1), so they match what the administrator sees when fixing it.
 */
export function ImportReportTable({ kind, problems }: { kind: CsvKind; problems: readonly RowProblem[] }) {
  const { t } = useStaffTranslation();
  return (
    <table className="planning-report">
      <caption>{t(`planning.upload.${kind}Report`, { count: problems.length })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('planning.upload.row')}</th>
          <th scope="col">{t('planning.upload.field')}</th>
          <th scope="col">{t('planning.upload.problem')}</th>
        </tr>
      </thead>
      <tbody>
        {problems.map((p, i) => (
          <tr key={`${p.row}-${p.field}-${i}`}>
            <td className="number">{p.row}</td>
            <td><code>{p.field}</code></td>
            <td><ServerMessage message={p.error} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
