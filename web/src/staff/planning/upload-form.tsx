import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { TextField } from '../../citizen/form-fields.js';
import { focusSoon } from '../../citizen/page-heading.js';
import { ServerMessage } from '../server-message.js';
import { staffFailureOf } from '../staff-api.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { exampleFile, headerLine, type CsvKind } from './csv-examples.js';
import { uploadCsv, type UploadResult } from './planning-api.js';
import { ImportReportTable } from './import-report.js';

/** What the server takes (src/modules/planning/csv.ts MAX_CSV_BYTES): checked here too, to say so before sending. */
const MAX_BYTES = 512 * 1024;

type Outcome = UploadResult | { ok: 'refused'; message: string } | { ok: 'unavailable' };
type Problem = 'fileMissing' | 'fileTooLarge';

/** One upload: the file, the example to start from, and what became of it (all imported, or nothing). */
export function UploadForm({ kind }: { kind: CsvKind }) {
  const { t } = useStaffTranslation();
  const [file, setFile] = useState<File>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const inputId = `upload-${kind}`;
  const resultId = `upload-${kind}-result`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setOutcome(undefined);
    const found = file === undefined ? 'fileMissing' : file.size > MAX_BYTES ? 'fileTooLarge' : undefined;
    setProblem(found);
    if (found || !file) return focusSoon(inputId);
    setBusy(true);
    try {
      setOutcome(await uploadCsv(kind, await file.text()));
    } catch (error) {
      const failure = staffFailureOf(error);
      if (failure.kind === 'session-ended' || failure.kind === 'password-change-required') return undefined;
      setOutcome(failure.kind === 'rejected' ? { ok: 'refused', message: failure.message } : { ok: 'unavailable' });
    } finally {
      setBusy(false);
    }
    return undefined;
  }

  // Once the answer is on screen: it is read out from its heading, and Tab goes on to the report.
  useEffect(() => {
    if (outcome) document.getElementById(resultId)?.focus();
  }, [outcome, resultId]);

  return (
    <section className="panel step planning-upload" aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`}>{t(`planning.upload.${kind}Heading`)}</h2>
      <p>{t(`planning.upload.${kind}Intro`)}</p>
      <div className="planning-example">
        <p>{t('planning.upload.header')}</p>
        <pre><code>{headerLine(kind)}</code></pre>
        <p>
          <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(exampleFile(kind))}`} download={`teeka-${kind}-example.csv`}>
            {t(`planning.upload.${kind}Example`)}
          </a>
        </p>
      </div>
      <form className="citizen-form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          id={inputId}
          type="file"
          accept=".csv,text/csv"
          label={t(`planning.upload.${kind}File`)}
          hint={t('planning.upload.fileHint')}
          error={problem && t(`planning.upload.${problem}`)}
          onChange={(event) => {
            setFile(event.target.files?.[0]);
            setProblem(undefined);
            setOutcome(undefined);
          }}
        />
        <button type="submit" className="primary" disabled={busy}>{busy ? t('planning.upload.uploading') : t(`planning.upload.${kind}Submit`)}</button>
      </form>
      <div role="status" className="status-region">
        {outcome?.ok === true && <Imported kind={kind} resultId={resultId} outcome={outcome} />}
      </div>
      <div role="alert" className="alert-region">
        {outcome?.ok === false && (
          <div className="notice notice--error">
            <h3 id={resultId} tabIndex={-1}>{t('planning.upload.nothingImported')}</h3>
            <p>{t('planning.upload.rowsWrong', { count: new Set(outcome.report.problems.map((p) => p.row)).size })}</p>
          </div>
        )}
        {outcome?.ok === 'refused' && <p id={resultId} tabIndex={-1} className="notice notice--error"><ServerMessage message={outcome.message} /></p>}
        {outcome?.ok === 'unavailable' && <p id={resultId} tabIndex={-1} className="notice notice--error">{t('common.unavailable')}</p>}
      </div>
      {outcome?.ok === false && <ImportReportTable kind={kind} problems={outcome.report.problems} />}
    </section>
  );
}

function Imported({ kind, resultId, outcome }: { kind: CsvKind; resultId: string; outcome: UploadResult & { ok: true } }) {
  const { t } = useStaffTranslation();
  const { done } = outcome;
  return (
    <div className="notice notice--done">
      <h3 id={resultId} tabIndex={-1}>{t(`planning.upload.${kind}Imported`, { count: done.imported })}</h3>
      {kind === 'centres' && (
        <ul className="planning-imported">
          {done.ids.map((id) => <li key={id}><Link to={`/staff/planning/centres/${id}`}>{t('planning.upload.centreLink', { id })}</Link></li>)}
        </ul>
      )}
      {done.notices.length > 0 && (
        <ul>
          {done.notices.map((n) => <li key={`${n.row}-${n.field}`}>{t('planning.upload.rowNotice', { row: n.row })} <ServerMessage message={n.notice} /></li>)}
        </ul>
      )}
    </div>
  );
}
