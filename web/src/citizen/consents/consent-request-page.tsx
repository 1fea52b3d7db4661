import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../layout/page-title.js';
import { failureOf, type CitizenFailure } from '../citizen-api.js';
import { useCitizenTranslation } from '../citizen-i18n.js';
import { RadioGroup } from '../form-fields.js';
import { focusSoon, PageHeading } from '../page-heading.js';
import { ApprovalOtpForm, type ApprovalOtpProblem } from './approval-otp-form.js';
import { refusalOf, type Refusal } from './approval-refusals.js';
import type { ConsentRequestView, ConsentView } from './consent-types.js';
import { approveConsentRequest, declineConsentRequest, requestApprovalOtp } from './consents-api.js';
import { formatIndianDay } from './consent-words.js';
import { RequestDetails } from './request-details.js';
import { useConsentRequest } from './use-consent-request.js';
import './consents.css';

// As on the login page (identity/service.ts): one OTP a minute per number.
const RESEND_INTERVAL_MS = 60_000;

type Member = ConsentRequestView['members'][number];

type Step =
  | { kind: 'choose' }
  | { kind: 'otp'; member: Member; txnId: string; resendAt: number }
  | { kind: 'approved'; consent: ConsentView }
  | { kind: 'declined' };

type Notice = Exclude<Refusal, { kind: 'otp' | 'closed' | 'not-found' | 'session-ended' }>;

/**
 * /consent/:id, where a partner sends the citizen: who asks, for what and how long, for which
 * family member; approving takes an OTP texted to the account's own mobile. Whatever the partner
 * wrote is shown as its own words; nothing is shared until the OTP is confirmed.
 */
export function ConsentRequestPage() {
  const { t } = useCitizenTranslation();
  usePageTitle(t('consents.request.title'));
  const id = useParams().id ?? '';
  const { state, reload } = useConsentRequest(id);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [chosen, setChosen] = useState('');
  const [memberProblem, setMemberProblem] = useState<'missing' | 'gone'>();
  const [otpProblem, setOtpProblem] = useState<ApprovalOtpProblem>();
  const [notice, setNotice] = useState<Notice>();
  const [busy, setBusy] = useState<'sending' | 'confirming' | 'declining'>();
  const [resent, setResent] = useState(false);

  /** Says what went wrong; a request answered or lapsed meanwhile is shown as it now is. */
  function explain(failure: CitizenFailure, at: Step) {
    const refusal = refusalOf(failure);
    switch (refusal.kind) {
      case 'session-ended': return undefined;
      case 'closed': return reload();
      case 'not-found':
        // Approving: the chosen person left the account (the reload draws the list without them);
        // otherwise the request itself is gone, and the reload says so.
        if (at.kind === 'otp') {
          setStep({ kind: 'choose' });
          setChosen('');
          setMemberProblem('gone');
          const other = state.status === 'loaded' ? state.request.members.find((m) => m.beneficiary_reference_id !== at.member.beneficiary_reference_id) : undefined;
          if (other) focusSoon(`consent-member-${other.beneficiary_reference_id}`);
        }
        return reload();
      case 'otp': return setOtpProblem(refusal.problem);
      case 'too-soon':
        if (at.kind === 'otp') setStep({ ...at, resendAt: Date.now() + refusal.seconds * 1000 });
        return setNotice(refusal);
      default: return setNotice(refusal);
    }
  }

  async function sendOtp(member: Member, at: Step) {
    setBusy('sending');
    setNotice(undefined);
    setResent(false);
    try {
      const { txnId } = await requestApprovalOtp(id);
      setStep({ kind: 'otp', member, txnId, resendAt: Date.now() + RESEND_INTERVAL_MS });
      setOtpProblem(undefined);
      setResent(at.kind === 'otp');
    } catch (error) {
      explain(failureOf(error), at);
    } finally {
      setBusy(undefined);
    }
  }

  function approve(event: FormEvent<HTMLFormElement>, request: ConsentRequestView) {
    event.preventDefault();
    const member = request.members.find((m) => m.beneficiary_reference_id === chosen);
    if (!member) {
      setMemberProblem('missing');
      focusSoon(`consent-member-${request.members[0]?.beneficiary_reference_id ?? ''}`);
      return;
    }
    void sendOtp(member, step);
  }

  async function confirm(otp: string) {
    if (step.kind !== 'otp') return;
    setBusy('confirming');
    setNotice(undefined);
    setResent(false);
    try {
      const consent = await approveConsentRequest(id, { beneficiary_reference_id: step.member.beneficiary_reference_id, txnId: step.txnId, otp });
      setStep({ kind: 'approved', consent });
    } catch (error) {
      explain(failureOf(error), step);
    } finally {
      setBusy(undefined);
    }
  }

  async function decline() {
    setBusy('declining');
    setNotice(undefined);
    try {
      await declineConsentRequest(id);
      setStep({ kind: 'declined' });
    } catch (error) {
      explain(failureOf(error), step);
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <div className="citizen-page citizen-page--narrow">
      <div className="intro">
        <PageHeading>{t('consents.request.heading')}</PageHeading>
        <p>{t('consents.request.intro')}</p>
      </div>
      <div role="status" className="status-region">{state.status === 'loading' && <p>{t('consents.request.loading')}</p>}</div>
      {state.status === 'failed' && state.failure.kind !== 'session-ended' && (
        <div className="notice notice--error" role="alert">
          <p>{state.failure.kind === 'rejected' ? state.failure.message : t('common.unavailable')}</p>
          <button type="button" onClick={reload}>{t('common.retry')}</button>
        </div>
      )}
      {state.status === 'not-found' && <p className="notice notice--error" role="alert">{t('consents.request.notFound')}</p>}
      <div role="alert" className="alert-region">
        {notice && (
          <p className="notice notice--error">
            {notice.kind === 'too-soon' && t('login.tooSoon', { count: notice.seconds })}
            {notice.kind === 'daily-limit' && t('login.dailyLimit')}
            {notice.kind === 'unavailable' && t('common.unavailable')}
            {notice.kind === 'other' && (notice.message || t('common.unavailable'))}
          </p>
        )}
      </div>
      <p role="status" className={resent ? 'notice notice--done' : 'visually-hidden'}>{resent ? t('login.resent') : ''}</p>
      {state.status === 'loaded' && (
        <>
          {step.kind === 'approved' || step.kind === 'declined' ? (
            <Outcome step={step} request={state.request} />
          ) : state.request.status !== 'requested' ? (
            <Answered request={state.request} />
          ) : null}
          <RequestDetails request={state.request} open={state.request.status === 'requested' && (step.kind === 'choose' || step.kind === 'otp')} />
          {state.request.status === 'requested' && step.kind === 'choose' && (
            state.request.members.length === 0 ? (
              <div className="notice notice--info">
                <p>{t('consents.request.noMembers')}</p>
                <Link className="button" to="/family/add">{t('consents.request.addMember')}</Link>
              </div>
            ) : (
              <form className="citizen-form panel" onSubmit={(event) => approve(event, state.request)} noValidate>
                <RadioGroup
                  id="consent-member"
                  name="member"
                  legend={t('consents.request.member')}
                  hint={t('consents.request.memberHint')}
                  error={memberProblem === 'missing' ? t('consents.request.memberMissing') : memberProblem === 'gone' ? t('consents.request.memberGone') : undefined}
                  options={state.request.members.map((m) => ({ value: m.beneficiary_reference_id, label: m.name }))}
                  value={chosen}
                  onChange={(value) => {
                    setChosen(value);
                    setMemberProblem(undefined);
                  }}
                />
                <p className="muted">{t('consents.request.withdrawNote')}</p>
                <p id="approve-hint" className="hint">{t('consents.request.approveHint')}</p>
                <div className="form-actions">
                  <button type="submit" className="primary" disabled={busy !== undefined} aria-describedby="approve-hint">
                    {busy === 'sending' ? t('consents.request.sendingOtp') : t('consents.request.approve')}
                  </button>
                  <button type="button" onClick={() => void decline()} disabled={busy !== undefined}>
                    {busy === 'declining' ? t('consents.request.declining') : t('consents.request.decline')}
                  </button>
                </div>
              </form>
            )
          )}
          {state.request.status === 'requested' && step.kind === 'otp' && (
            <ApprovalOtpForm
              key={step.txnId}
              partner={state.request.partner.name}
              member={step.member.name}
              busy={busy === 'confirming'}
              resending={busy === 'sending'}
              problem={otpProblem}
              resendAt={step.resendAt}
              onConfirm={(otp) => void confirm(otp)}
              onResend={() => void sendOtp(step.member, step)}
              onBack={() => {
                setStep({ kind: 'choose' });
                setOtpProblem(undefined);
                setNotice(undefined);
                focusSoon(`consent-member-${step.member.beneficiary_reference_id}`);
              }}
            />
          )}
        </>
      )}
    </div>
  );
}

/** What the citizen just decided, with the way to change their mind later; read first, so it takes the focus. */
function Outcome({ step, request }: { step: Step & { kind: 'approved' | 'declined' }; request: ConsentRequestView }) {
  const { t, language } = useCitizenTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const partner = request.partner.name;
  return (
    <div className="panel panel--done consent-outcome">
      <h2 ref={heading} id="consent-outcome" tabIndex={-1}>{step.kind === 'approved' ? t('consents.request.approvedHeading') : t('consents.request.declinedHeading')}</h2>
      {step.kind === 'approved' ? (
        <>
          <p>{t('consents.request.approved', { partner, name: step.consent.member_name, date: formatIndianDay(step.consent.expires_at, language) })}</p>
          <p>{t('consents.request.withdrawNote')}</p>
          <p><Link className="button primary" to="/my-consents">{t('consents.request.goToConsents')}</Link></p>
        </>
      ) : (
        <p>{t('consents.request.declined', { partner })}</p>
      )}
      <ReturnLink request={request} />
    </div>
  );
}

/** A request answered before (here, on another device, or it expired): said plainly, with what to do next. */
function Answered({ request }: { request: ConsentRequestView }) {
  const { t } = useCitizenTranslation();
  const partner = request.partner.name;
  const status = request.status;
  return (
    <div className={`notice ${status === 'approved' ? 'notice--done' : 'notice--warning'}`} role="status">
      <p>
        {status === 'approved' && t('consents.request.answered.approved')}
        {status === 'declined' && t('consents.request.answered.declined', { partner })}
        {status === 'revoked' && t('consents.request.answered.revoked', { partner })}
        {status === 'expired' && t('consents.request.answered.expired', { partner })}
      </p>
      {(status === 'approved' || status === 'revoked') && <Link to="/my-consents">{t('consents.request.goToConsents')}</Link>}
      <ReturnLink request={request} />
    </div>
  );
}

/**
 * Back to the partner's own site, where it asked to have the citizen sent (the server took only an
 * https address, or the loopback while testing). A link, not an automatic redirect: the citizen
 * reads the outcome first and leaves when they choose.
 */
function ReturnLink({ request }: { request: ConsentRequestView }) {
  const { t } = useCitizenTranslation();
  if (!request.redirect_uri) return null;
  return <p><a href={request.redirect_uri} rel="noopener noreferrer">{t('consents.request.returnTo', { partner: request.partner.name })}</a></p>;
}
