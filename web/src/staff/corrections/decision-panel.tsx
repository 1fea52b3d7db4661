import { useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../../citizen/confirm-dialog.js';
import { TextAreaField } from '../../citizen/form-fields.js';
import { focusSoon } from '../../citizen/page-heading.js';
import { ServerMessage } from '../server-message.js';
import { staffFailureOf } from '../staff-api.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { acceptRequest, dailyOpenLimit, rejectRequest, type Decision, type RequestUnderReview } from './corrections-api.js';
import { queuePath, type QueueNotice, type QueuePageState } from './corrections-navigation.js';
import { shownValue } from './request-details.js';

// correction-review.ts MAX_REJECTION_REASON
const MAX_REASON = 500;
const reasonId = 'reject-reason';
const approveId = 'approve-request';
const rejectId = 'reject-request';

/**
 * Approve or reject, each after a confirmation: neither can be undone. Either way the reviewer goes
 * back to the queue, which says what was done.
 */
export function DecisionPanel({ request }: { request: RequestUnderReview }) {
  const { t } = useStaffTranslation();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'approve' | 'reject'>();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<ReactNode>();
  const [dialogError, setDialogError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const field = t(`corrections.fields.${request.field}`);

  const backToQueue = (notice: QueueNotice) => {
    const state: QueuePageState = { notice };
    void navigate(queuePath, { state });
  };
  const noticeOf = (decision: Decision): QueueNotice => (decision.status === 'accepted'
    ? { kind: 'approved', field: request.field, certificates: decision.certificates_reissued }
    : { kind: 'rejected', field: request.field });

  // ConfirmDialog hands focus back to the button that opened it.
  function keep() {
    setDialog(undefined);
  }

  function showReasonError(error: ReactNode) {
    setReasonError(error);
    focusSoon(reasonId);
  }

  function askToReject(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const written = reason.trim();
    if (written === '') return showReasonError(t('corrections.rejectReasonMissing'));
    if (written.length > MAX_REASON) return showReasonError(t('corrections.rejectReasonTooLong'));
    setDialogError(undefined);
    setDialog('reject');
  }

  async function decide(kind: 'approve' | 'reject') {
    setBusy(true);
    setDialogError(undefined);
    try {
      backToQueue(noticeOf(kind === 'approve' ? await acceptRequest(request.id) : await rejectRequest(request.id, reason.trim())));
    } catch (error) {
      const failure = staffFailureOf(error);
      if (failure.kind === 'unavailable') setDialogError(t('common.unavailable'));
      if (failure.kind !== 'rejected') return;
      switch (failure.code) {
        case 'NOT_FOUND': return backToQueue({ kind: 'not-found' });
        case 'CORRECTION_DECIDED': return backToQueue({ kind: 'decided' });
        case 'REJECTION_REASON':
          setDialog(undefined);
          return showReasonError(<ServerMessage message={failure.message} />);
        case 'PHOTO_ID_TAKEN': return setDialogError(t('corrections.photoIdTaken'));
        case 'CORRECTION_CONFLICT': return setDialogError(t('corrections.ageConflict'));
        case 'ACCESS_BUDGET_SPENT': return setDialogError(t('corrections.limitReached', { limit: dailyOpenLimit }));
        default: return setDialogError(failure.message);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="step panel" aria-labelledby="decide-heading">
      <h2 id="decide-heading">{t('corrections.decideHeading')}</h2>
      <p>{t('corrections.decideIntro')}</p>
      <p><button id={approveId} type="button" className="primary" onClick={() => { setDialogError(undefined); setDialog('approve'); }}>{t('corrections.approve')}</button></p>
      <form className="citizen-form correction-reject" onSubmit={askToReject} noValidate>
        <TextAreaField
          id={reasonId}
          label={t('corrections.rejectReason')}
          hint={t('corrections.rejectReasonHint')}
          error={reasonError}
          rows={4}
          maxLength={MAX_REASON}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
            setReasonError(undefined);
          }}
        />
        <div className="form-actions"><button id={rejectId} type="submit">{t('corrections.reject')}</button></div>
      </form>
      {dialog === 'approve' && (
        <ConfirmDialog
          title={t('corrections.approveTitle')}
          confirmLabel={t('corrections.approveConfirm')}
          busyLabel={t('corrections.approving')}
          keepLabel={t('corrections.keep')}
          busy={busy}
          error={dialogError}
          onConfirm={() => void decide('approve')}
          onKeep={keep}
        >
          <p>{t('corrections.approveBody', { field, current: shownValue(t, request, request.current_value), requested: shownValue(t, request, request.requested_value) })}</p>
          <p>{t('corrections.approveCertificates')}</p>
        </ConfirmDialog>
      )}
      {dialog === 'reject' && (
        <ConfirmDialog
          title={t('corrections.rejectTitle')}
          confirmLabel={t('corrections.rejectConfirm')}
          busyLabel={t('corrections.rejecting')}
          keepLabel={t('corrections.keep')}
          busy={busy}
          error={dialogError}
          onConfirm={() => void decide('reject')}
          onKeep={keep}
        >
          <p>{t('corrections.rejectBody')}</p>
          <blockquote className="citizen-reason">{reason.trim()}</blockquote>
        </ConfirmDialog>
      )}
    </section>
  );
}
