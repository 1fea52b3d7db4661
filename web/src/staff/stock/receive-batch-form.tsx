import { useState, type FormEvent } from 'react';
import { focusFirstError, SelectField, TextField } from '../../citizen/form-fields.js';
import { fetchVaccines } from '../planning/planning-api.js';
import { useLoad } from '../planning/use-load.js';
import { ServerMessage } from '../server-message.js';
import { staffFailureOf, type StaffFailure } from '../staff-api.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { receiveBatch, type Batch } from './stock-api.js';

type Field = 'vaccine' | 'batch_number' | 'expires_on' | 'quantity';
type Problem =
  | 'vaccineMissing' | 'batchMissing' | 'batchFormat' | 'batchExists' | 'expiresMissing' | 'expiresPast'
  | 'quantityMissing' | 'quantityFormat' | { server: string };

const order: readonly Field[] = ['vaccine', 'batch_number', 'expires_on', 'quantity'];
const ids: Record<Field, string> = { vaccine: 'new-vaccine', batch_number: 'new-batch', expires_on: 'new-expires', quantity: 'new-quantity' };
const batchPattern = /^[0-9A-Z][0-9A-Z/-]{2,29}$/;

/**
 * Which field a refusal is about. The stock service names it at the start of its message
 * ("batch_number must be …"), except for an expired batch, which it explains in a sentence.
 */
function fieldOfRefusal(failure: StaffFailure & { kind: 'rejected' }): [Field, Problem] | undefined {
  if (failure.code === 'BATCH_EXISTS') return ['batch_number', 'batchExists'];
  if (failure.code !== 'INVALID_INPUT') return undefined;
  if (failure.message.startsWith('This batch has already expired')) return ['expires_on', 'expiresPast'];
  const field = order.find((f) => failure.message.startsWith(f));
  return field && [field, { server: failure.message }];
}

interface ReceiveBatchFormProps {
  facilityId: number;
  onReceived: (batch: Batch) => void;
  onNotFound: () => void;
}

export function ReceiveBatchForm({ facilityId, onReceived, onNotFound }: ReceiveBatchFormProps) {
  const { t } = useStaffTranslation();
  const [values, setValues] = useState<Record<Field, string>>({ vaccine: '', batch_number: '', expires_on: '', quantity: '' });
  const [problems, setProblems] = useState<Partial<Record<Field, Problem>>>({});
  const [notice, setNotice] = useState<'unavailable' | { server: string }>();
  const [busy, setBusy] = useState(false);
  // The national catalogue, as the server checks it: a vaccine added there is offered here at once.
  const vaccines = useLoad('vaccines', fetchVaccines);

  function edit(field: Field, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    setProblems((current) => ({ ...current, [field]: undefined }));
  }

  function show(found: Partial<Record<Field, Problem>>) {
    setProblems(found);
    focusFirstError(order, found, ids);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(undefined);
    const batchNumber = values.batch_number.trim().toUpperCase();
    const quantity = Number(values.quantity.trim());
    const found: Partial<Record<Field, Problem>> = {};
    if (values.vaccine === '') found.vaccine = 'vaccineMissing';
    if (batchNumber === '') found.batch_number = 'batchMissing';
    else if (!batchPattern.test(batchNumber)) found.batch_number = 'batchFormat';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.expires_on)) found.expires_on = 'expiresMissing';
    if (values.quantity.trim() === '') found.quantity = 'quantityMissing';
    else if (!/^\d+$/.test(values.quantity.trim()) || quantity < 1 || quantity > 100_000) found.quantity = 'quantityFormat';
    if (Object.keys(found).length > 0) return show(found);
    setBusy(true);
    try {
      const batch = await receiveBatch(facilityId, { vaccine: values.vaccine, batch_number: batchNumber, expires_on: values.expires_on, quantity });
      setValues({ vaccine: '', batch_number: '', expires_on: '', quantity: '' });
      onReceived(batch);
    } catch (error) {
      const failure = staffFailureOf(error);
      if (failure.kind === 'rejected' && failure.code === 'NOT_FOUND') onNotFound();
      else if (failure.kind === 'rejected') {
        const placed = fieldOfRefusal(failure);
        if (placed) show({ [placed[0]]: placed[1] });
        else setNotice({ server: failure.message });
      } else if (failure.kind === 'unavailable') setNotice('unavailable');
    } finally {
      setBusy(false);
    }
  }

  const errorOf = (field: Field) => {
    const problem = problems[field];
    if (problem === undefined) return undefined;
    return typeof problem === 'string' ? t(`stock.${problem}`) : <ServerMessage message={problem.server} />;
  };

  return (
    <section className="panel step" aria-labelledby="receive-heading">
      <h2 id="receive-heading">{t('stock.receiveHeading')}</h2>
      <div role="alert" className="alert-region">
        {notice && <p className="notice notice--error">{notice === 'unavailable' ? t('common.unavailable') : <ServerMessage message={notice.server} />}</p>}
      </div>
      <form className="citizen-form" onSubmit={(event) => void submit(event)} noValidate>
        <SelectField id={ids.vaccine} label={t('stock.vaccineLabel')} error={errorOf('vaccine')} value={values.vaccine} onChange={(event) => edit('vaccine', event.target.value)}>
          <option value="">{vaccines.state.kind === 'loading' ? t('common.loading') : t('stock.vaccineChoose')}</option>
          {vaccines.state.kind === 'loaded' && vaccines.state.value.map((v) => <option key={v.vaccine} value={v.vaccine}>{v.vaccine}</option>)}
        </SelectField>
        {(vaccines.state.kind === 'failed' || vaccines.state.kind === 'not-found') && (
          <div role="alert" className="notice notice--error">
            <p>{t('stock.vaccinesUnavailable')}</p>
            <button type="button" onClick={vaccines.reload}>{t('common.retry')}</button>
          </div>
        )}
        <TextField
          id={ids.batch_number}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={30}
          className="field--short"
          label={t('stock.batchLabel')}
          hint={t('stock.batchHint')}
          error={errorOf('batch_number')}
          value={values.batch_number}
          onChange={(event) => edit('batch_number', event.target.value)}
        />
        <TextField
          id={ids.expires_on}
          type="date"
          className="field--short"
          label={t('stock.expiresLabel')}
          error={errorOf('expires_on')}
          value={values.expires_on}
          onChange={(event) => edit('expires_on', event.target.value)}
        />
        <TextField
          id={ids.quantity}
          inputMode="numeric"
          autoComplete="off"
          maxLength={6}
          className="field--short"
          label={t('stock.quantityLabel')}
          hint={t('stock.quantityHint')}
          error={errorOf('quantity')}
          value={values.quantity}
          onChange={(event) => edit('quantity', event.target.value)}
        />
        <button type="submit" className="primary" disabled={busy}>{busy ? t('stock.receiving') : t('stock.receive')}</button>
      </form>
    </section>
  );
}
