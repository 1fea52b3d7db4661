import { useEffect, useRef, useState, type FormEvent } from 'react';
import { focusFirstError, SelectField, TextField } from '../../citizen/form-fields.js';
import { ServerMessage } from '../server-message.js';
import { staffFailureOf } from '../staff-api.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { formatDay } from '../staff-words.js';
import { fetchBatches, usableBatchesOf, type Batch } from '../stock/stock-api.js';
import { recordDose, type RecordedDose, type RosterEntry } from './centre-api.js';
import { visitNoticeOf, type VisitNotice } from './encounter-problems.js';

type Field = 'photo' | 'batch';
interface Problems {
  photo?: 'photoMissing' | 'photoFormat' | 'photoMismatch';
  batch?: { kind: 'batchMissing' } | { kind: 'batchUnusable'; reason: string };
}

const order: readonly Field[] = ['photo', 'batch'];
const ids: Record<Field, string> = { photo: 'photo-last4', batch: 'batch' };

interface DoseStepProps {
  entry: RosterEntry;
  facilityId: number;
  onNotice: (notice: VisitNotice | undefined) => void;
  onRecorded: (dose: RecordedDose) => void;
}

/**
 * With the record open: the photo ID's last 4 characters (the server checks them against the
 * registered ID) and a usable batch of the session's vaccine from this centre's stock.
 */
export function DoseStep({ entry, facilityId, onNotice, onRecorded }: DoseStepProps) {
  const { t, language } = useStaffTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [batches, setBatches] = useState<Batch[] | 'loading' | 'failed'>('loading');
  const [loads, setLoads] = useState(0);
  const [last4, setLast4] = useState('');
  const [batchId, setBatchId] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => heading.current?.focus(), []);

  useEffect(() => {
    const abort = new AbortController();
    fetchBatches(facilityId, abort.signal)
      .then((all) => setBatches(usableBatchesOf(all, entry.vaccine)))
      .catch(() => {
        if (!abort.signal.aborted) setBatches('failed');
      });
    return () => abort.abort();
  }, [facilityId, entry.vaccine, loads]);

  function show(found: Problems) {
    setProblems(found);
    focusFirstError(order, found, ids);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const photo = last4.trim().toUpperCase();
    const found: Problems = {};
    if (photo === '') found.photo = 'photoMissing';
    else if (!/^[0-9A-Z]{4}$/.test(photo)) found.photo = 'photoFormat';
    if (batchId === '') found.batch = { kind: 'batchMissing' };
    if (Object.keys(found).length > 0) return show(found);
    setBusy(true);
    onNotice(undefined);
    try {
      onRecorded(await recordDose(entry.appointment_id, batchId, photo));
    } catch (error) {
      const failure = staffFailureOf(error);
      if (failure.kind === 'rejected' && failure.code === 'PHOTO_ID_MISMATCH') show({ photo: 'photoMismatch' });
      else if (failure.kind === 'rejected' && failure.code === 'INVALID_INPUT' && failure.message.startsWith('photo_id_last4')) show({ photo: 'photoFormat' });
      else if (failure.kind === 'rejected' && failure.code === 'BATCH_UNUSABLE') {
        setBatchId('');
        show({ batch: { kind: 'batchUnusable', reason: failure.message } });
        // Another vaccinator may have used the last dose, or the batch expired at midnight.
        setLoads((n) => n + 1);
      } else onNotice(visitNoticeOf(failure));
      setBusy(false);
    }
  }

  const batchError = problems.batch?.kind === 'batchMissing' ? t('encounter.batchMissing')
    : problems.batch?.kind === 'batchUnusable' ? <>{t('encounter.batchUnusable')} <ServerMessage message={problems.batch.reason} /></> : undefined;

  return (
    <section className="step panel" aria-labelledby="dose-heading">
      <h2 id="dose-heading" ref={heading} tabIndex={-1}>{t('encounter.doseHeading')}</h2>
      <p role="status" className="notice notice--done">{t('encounter.opened')}</p>
      {batches === 'loading' && <p className="page-loading">{t('encounter.batchesLoading')}</p>}
      {batches === 'failed' && (
        <div role="alert" className="notice notice--error">
          <p>{t('common.unavailable')}</p>
          <button type="button" onClick={() => { setBatches('loading'); setLoads((n) => n + 1); }}>{t('common.retry')}</button>
        </div>
      )}
      {Array.isArray(batches) && batches.length === 0 && <p className="notice notice--warning">{t('encounter.noBatches', { vaccine: entry.vaccine })}</p>}
      {Array.isArray(batches) && batches.length > 0 && (
        <form className="citizen-form" onSubmit={(event) => void submit(event)} noValidate>
          <TextField
            id={ids.photo}
            name="photo-last4"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={4}
            className="field--short"
            label={t('encounter.photoLabel')}
            hint={t('encounter.photoHint', { masked: entry.photo_id_masked })}
            error={problems.photo && t(`encounter.${problems.photo}`)}
            value={last4}
            onChange={(event) => {
              setLast4(event.target.value);
              setProblems((current) => ({ ...current, photo: undefined }));
            }}
          />
          <SelectField
            id={ids.batch}
            name="batch"
            label={t('encounter.batchLabel')}
            hint={t('encounter.batchHint', { vaccine: entry.vaccine })}
            error={batchError}
            value={batchId}
            onChange={(event) => {
              setBatchId(event.target.value);
              setProblems((current) => ({ ...current, batch: undefined }));
            }}
          >
            <option value="">{t('encounter.batchChoose')}</option>
            {batches.map((batch) => (
              <option key={batch.id} value={batch.id}>
                {t('encounter.batchOption', { batch: batch.batch_number, date: formatDay(batch.expires_on, language), count: batch.quantity_left })}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="primary" disabled={busy}>{busy ? t('encounter.recording') : t('encounter.record', { dose: entry.dose })}</button>
        </form>
      )}
    </section>
  );
}
