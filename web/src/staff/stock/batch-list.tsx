import { useStaffTranslation } from '../staff-i18n.js';
import { formatDay } from '../staff-words.js';
import type { Batch } from './stock-api.js';

/** Cards rather than a table: six columns do not fit a 360 px phone. */
export function BatchList({ batches }: { batches: readonly Batch[] }) {
  const { t, language } = useStaffTranslation();
  if (batches.length === 0) return <p className="empty-state">{t('stock.empty')}</p>;
  return (
    <ul className="batches">
      {batches.map((batch) => {
        const state = batch.usable ? 'usable' : batch.quantity_left === 0 ? 'usedUp' : 'expired';
        return (
          <li key={batch.id}>
            <article className={`batch${batch.usable ? '' : ' batch--unusable'}`} aria-labelledby={`batch-${batch.id}`}>
              <h3 id={`batch-${batch.id}`}>{t('stock.batch', { batch: batch.batch_number })}</h3>
              <dl className="facts facts--compact">
                <div><dt>{t('stock.vaccine')}</dt><dd>{batch.vaccine}</dd></div>
                <div><dt>{t('stock.expires')}</dt><dd>{formatDay(batch.expires_on, language)}</dd></div>
                <div><dt>{t('stock.received')}</dt><dd className="number">{batch.quantity_received}</dd></div>
                <div><dt>{t('stock.left')}</dt><dd className="number">{batch.quantity_left}</dd></div>
                <div><dt>{t('stock.state')}</dt><dd>{t(`stock.${state}`)}</dd></div>
              </dl>
            </article>
          </li>
        );
      })}
    </ul>
  );
}
