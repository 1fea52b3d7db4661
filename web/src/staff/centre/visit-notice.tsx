import { ServerMessage } from '../server-message.js';
import { useStaffTranslation } from '../staff-i18n.js';
import type { VisitNotice } from './encounter-problems.js';

/** The visit's message; inside the page's alert region, so it is read out when it appears. */
export function VisitNoticeText({ notice }: { notice: VisitNotice }) {
  const { t } = useStaffTranslation();
  return (
    <p className="notice notice--error">
      {notice.kind === 'locked' && t('encounter.locked')}
      {notice.kind === 'notToday' && t('encounter.notToday')}
      {notice.kind === 'alreadyDone' && t('encounter.alreadyDone')}
      {notice.kind === 'notFound' && t('encounter.notFound')}
      {notice.kind === 'smsNotSent' && t('encounter.smsNotSent')}
      {notice.kind === 'unavailable' && t('common.unavailable')}
      {notice.kind === 'server' && <ServerMessage message={notice.message} />}
    </p>
  );
}
