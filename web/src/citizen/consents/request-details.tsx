import { useCitizenTranslation } from '../citizen-i18n.js';
import { formatInstant } from '../format.js';
import type { ConsentRequestView } from './consent-types.js';
import { dataName, formatIndianDay } from './consent-words.js';

/**
 * Who asks, why, for what and for how long, in plain words: the citizen decides on this alone.
 * The partner's name and purposes are the partner's own words and are shown as written. `open`:
 * still waiting for the citizen's answer, so the date it lapses is worth saying.
 */
export function RequestDetails({ request, open }: { request: ConsentRequestView; open: boolean }) {
  const { t, language } = useCitizenTranslation();
  return (
    <div className="panel consent-request">
      <dl className="facts">
        <div>
          <dt>{t('consents.request.who')}</dt>
          <dd className="consent-partner">{request.partner.name}</dd>
        </div>
        <div>
          <dt>{t('consents.request.service')}</dt>
          <dd className="consent-words">{request.partner.purpose}</dd>
        </div>
        <div>
          <dt>{t('consents.request.purpose')}</dt>
          <dd className="consent-words">{request.purpose}</dd>
        </div>
        <div>
          <dt>{t('consents.request.data')}</dt>
          <dd>
            <ul className="consent-data">
              {request.data.map((item) => (
                <li key={item}>
                  {dataName(t, item)}
                  {(item === 'vaccination_status' || item === 'certificates') && <span className="facts-more">{t(`consents.dataDetail.${item}`)}</span>}
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>{t('consents.request.until')}</dt>
          <dd>{t('consents.request.untilDate', { date: formatIndianDay(request.expires_at, language) })}</dd>
        </div>
        {open && (
          <div>
            <dt>{t('consents.request.answerBy')}</dt>
            <dd>{t('consents.request.answerByDate', { date: formatInstant(request.approve_by, language) })}</dd>
          </div>
        )}
      </dl>
    </div>
  );
}
