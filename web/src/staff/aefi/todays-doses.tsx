import { RadioGroup } from '../../citizen/form-fields.js';
import { genderName } from '../centre/centre-words.js';
import { useRoster } from '../centre/use-roster.js';
import { useStaffTranslation } from '../staff-i18n.js';

/**
 * The doses recorded at this centre today, from the day's list: the person's record is still open
 * from their visit, so no code is needed. Names are gone from finished visits; the masked photo ID
 * and the slot tell them apart, checked against the ID the person shows.
 */
export function TodaysDoses({ chosen, onChoose }: { chosen: string; onChoose: (appointmentId: string) => void }) {
  const { t } = useStaffTranslation();
  const { roster, reload } = useRoster();
  const done = roster.kind === 'loaded' ? roster.entries.filter((entry) => entry.status === 'completed') : [];
  return (
    <>
      <div role="status" className="status-region">
        {roster.kind === 'loading' && <p>{t('aefi.todayLoading')}</p>}
      </div>
      {roster.kind === 'failed' && (
        <div role="alert" className="notice notice--error">
          <p>{t('common.unavailable')}</p>
          <button type="button" onClick={reload}>{t('common.retry')}</button>
        </div>
      )}
      {roster.kind === 'loaded' && done.length === 0 && <p className="empty-state">{t('aefi.todayEmpty')}</p>}
      {done.length > 0 && (
        <RadioGroup
          id="aefi-dose"
          name="aefi-dose"
          legend={t('aefi.todayLegend')}
          hint={t('aefi.todayHint')}
          options={done.map((entry) => ({
            value: entry.appointment_id,
            label: t('aefi.todayOption', {
              slot: entry.slot, dose: entry.dose, vaccine: entry.vaccine, age: t('aefi.ageYears', { count: entry.age }),
              gender: genderName(t, entry.gender), photoId: entry.photo_id_masked,
            }),
          }))}
          value={chosen}
          onChange={onChoose}
        />
      )}
    </>
  );
}
