import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { BeneficiaryView } from '../../../../src/api/cowin-v2/citizen-schema.js';
import { usePageTitle } from '../../layout/page-title.js';
import { cancelAppointment, failureOf, removeMember } from '../citizen-api.js';
import { useCitizenTranslation } from '../citizen-i18n.js';
import { ConfirmDialog } from '../confirm-dialog.js';
import { formatCowinDay } from '../format.js';
import { PageHeading } from '../page-heading.js';
import { useFamily } from '../use-family.js';
import { useRegistrationLists } from '../use-registration-lists.js';
import type { Appointment } from './appointment-card.js';
import { MemberCard } from './member-card.js';

// config.ts TEEKA_MAX_BENEFICIARIES; the server's MEMBER_LIMIT is the real check.
const MAX_MEMBERS = 4;

export type FamilyNotice = { kind: 'added' | 'removed' | 'cancelled'; name: string };

/** What another page may pass when it sends the citizen here. */
export interface FamilyPageState {
  notice?: FamilyNotice;
}

type Pending =
  | { kind: 'remove'; member: BeneficiaryView }
  | { kind: 'cancel'; member: BeneficiaryView; appointment: Appointment };

export function FamilyPage() {
  const { t, language } = useCitizenTranslation();
  usePageTitle(t('family.title'));
  const location = useLocation();
  const { family, reload } = useFamily();
  const { lists } = useRegistrationLists();
  const [notice, setNotice] = useState<FamilyNotice | undefined>((location.state as FamilyPageState | null)?.notice);
  const [pending, setPending] = useState<Pending>();
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string>();

  function refusalText(failure: ReturnType<typeof failureOf>): string {
    if (failure.kind !== 'rejected') return t('common.unavailable');
    if (failure.code === 'MEMBER_VACCINATED') return t('family.cannotRemove');
    if (failure.code === 'NOT_FOUND') return pending?.kind === 'cancel' ? t('booking.unknownAppointment') : t('booking.unknownMember');
    return failure.message;
  }

  function ask(next: Pending) {
    setActionError(undefined);
    setPending(next);
  }

  async function confirmPending() {
    if (!pending) return;
    setBusy(true);
    setActionError(undefined);
    try {
      if (pending.kind === 'remove') await removeMember(pending.member.beneficiary_reference_id);
      else await cancelAppointment(pending.appointment.appointment_id, [pending.member.beneficiary_reference_id]);
      setNotice({ kind: pending.kind === 'remove' ? 'removed' : 'cancelled', name: pending.member.name });
      setPending(undefined);
      reload();
      // The button that opened the dialog may be gone; the message is the next thing to read.
      requestAnimationFrame(() => document.getElementById('family-notice')?.focus());
    } catch (error) {
      const failure = failureOf(error);
      if (failure.kind === 'session-ended') return;
      setActionError(refusalText(failure));
    } finally {
      setBusy(false);
    }
  }

  const members = family.members ?? [];
  const canAdd = family.status === 'loaded' && members.length < MAX_MEMBERS;
  return (
    <div className="citizen-page">
      <div className="intro">
        <PageHeading>{t('family.heading')}</PageHeading>
        <p>{t('family.intro')}</p>
      </div>
      <div id="family-notice" tabIndex={-1} role="status" className={notice ? 'notice notice--done' : 'status-region'}>
        {notice?.kind === 'added' && t('family.added', { name: notice.name })}
        {notice?.kind === 'removed' && t('family.removed', { name: notice.name })}
        {notice?.kind === 'cancelled' && t('appointment.cancelled', { name: notice.name })}
      </div>
      <div className="page-actions">
        {canAdd && <Link className="button primary" to="/family/add">{t('family.add')}</Link>}
        <Link to="/my-data">{t('family.myData')}</Link>
        <Link to="/my-consents">{t('consents.link')}</Link>
      </div>
      {family.status === 'loaded' && (
        <p className="muted">{members.length >= MAX_MEMBERS ? t('family.limitReached') : t('family.limit')}</p>
      )}
      <div role="status" className="status-region">
        {family.status === 'loading' && <p>{t('family.loading')}</p>}
      </div>
      {family.status === 'failed' && family.failure.kind !== 'session-ended' && (
        <div className="notice notice--error" role="alert">
          <p>{t('common.unavailable')}</p>
          <button type="button" onClick={reload}>{t('common.retry')}</button>
        </div>
      )}
      {family.status === 'loaded' && members.length === 0 && <p className="empty-state">{t('family.empty')}</p>}
      {members.length > 0 && (
        <ul className="members">
          {members.map((member) => (
            <li key={member.beneficiary_reference_id}>
              <MemberCard
                member={member}
                lists={lists}
                onRemove={() => ask({ kind: 'remove', member })}
                onCancel={(appointment) => ask({ kind: 'cancel', member, appointment })}
              />
            </li>
          ))}
        </ul>
      )}
      {pending?.kind === 'remove' && (
        <ConfirmDialog
          title={t('family.removeTitle', { name: pending.member.name })}
          confirmLabel={t('family.removeConfirm')}
          busyLabel={t('family.removing')}
          keepLabel={t('family.keep')}
          busy={busy}
          error={actionError}
          onConfirm={() => void confirmPending()}
          onKeep={() => setPending(undefined)}
        >
          <p>{t('family.removeBody', { name: pending.member.name })}</p>
          {pending.member.appointments.length > 0 && <p>{t('family.removeAppointment')}</p>}
        </ConfirmDialog>
      )}
      {pending?.kind === 'cancel' && (
        <ConfirmDialog
          title={t('appointment.cancelTitle')}
          confirmLabel={t('appointment.cancelConfirm')}
          busyLabel={t('appointment.cancelling')}
          keepLabel={t('appointment.cancelKeep')}
          busy={busy}
          error={actionError}
          onConfirm={() => void confirmPending()}
          onKeep={() => setPending(undefined)}
        >
          <p>
            {t('appointment.cancelBody', {
              name: pending.member.name,
              date: formatCowinDay(pending.appointment.date, language),
              centre: pending.appointment.name,
            })}
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
