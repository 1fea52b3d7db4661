import { useEffect, useRef } from 'react';
import { useStaffTranslation } from '../staff-i18n.js';
import { CodeForm } from './code-form.js';
import { setupKeyOf } from './setup-key.js';

interface EnrolStepProps {
  username: string;
  otpauthUrl: string;
  qrSvg: string;
  busy: boolean;
  wrong: number;
  onSubmit: (code: string) => void;
}

/**
 * First sign-in: the QR code to scan, the same secret as a setup key to type, then the first code.
 * The SVG is shown through an <img> data URL, never inserted into the page as markup, so nothing
 * in it can run here.
 */
export function EnrolStep({ username, otpauthUrl, qrSvg, busy, wrong, onSubmit }: EnrolStepProps) {
  const { t } = useStaffTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const setupKey = setupKeyOf(otpauthUrl);

  // The instructions come first: a screen reader starts at the heading, and Tab then reaches the code.
  useEffect(() => heading.current?.focus(), []);

  return (
    <div className="step">
      <h2 id="enrol-heading" ref={heading} tabIndex={-1}>{t('signIn.enrolHeading')}</h2>
      <p>{t('signIn.enrolIntro')}</p>
      <ol className="enrol-steps">
        <li>
          <p>{t('signIn.enrolScan')}</p>
          <img className="enrol-qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvg)}`} alt={t('signIn.enrolQrAlt')} width={200} height={200} />
          {setupKey && (
            <>
              <p>{t('signIn.enrolManual', { username })}</p>
              <p className="setup-key">
                <span className="visually-hidden">{t('signIn.enrolKey')}: </span>
                <code id="setup-key">{setupKey}</code>
              </p>
              <p className="hint">{t('signIn.enrolPrivate')}</p>
            </>
          )}
        </li>
        <li>
          <p id="enrol-code-intro">{t('signIn.enrolCode')}</p>
          <CodeForm busy={busy} wrong={wrong} autoFocus={false} describedBy="enrol-code-intro" onSubmit={onSubmit} />
        </li>
      </ol>
    </div>
  );
}
