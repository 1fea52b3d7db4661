import { useCallback, useEffect, useRef, useState } from 'react';
import { usePageTitle } from '../layout/page-title.js';
import { CameraScanner } from './camera-scanner.js';
import { ImageUpload } from './image-upload.js';
import { PasteForm } from './paste-form.js';
import { VerifyError, verifyCertificate, type VerifyAnswer, type VerifyFailure } from './verify-api.js';
import { RESULT_HEADING_ID, VerifyResult } from './verify-result.js';
import { fill, useVerifyText } from './verify-text.js';
import './verify.css';

type Check =
  | { kind: 'none' }
  | { kind: 'checking' }
  | { kind: 'answered'; answer: VerifyAnswer }
  | { kind: 'failed'; failure: VerifyFailure };

/** Moves focus once React has drawn the element, so a screen reader reads the verdict at once. */
function focusSoon(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/**
 * `/verify`: anyone (a hotel clerk, an airline, an employer) checks a certificate's QR code against
 * Teeka's server. Three ways in, one answer: the camera, a photo, or the QR code's text.
 */
export function VerifyPage() {
  const { text } = useVerifyText();
  usePageTitle(text.title);
  const [check, setCheck] = useState<Check>({ kind: 'none' });
  const request = useRef<AbortController | undefined>(undefined);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
    return () => request.current?.abort();
  }, []);

  // Focus moves to the verdict once it is on the page, so a screen reader reads it out at once. An
  // effect, not a timer: on a slow phone the next frame can come before React has drawn the verdict.
  useEffect(() => {
    if (check.kind === 'answered') document.getElementById(RESULT_HEADING_ID)?.focus();
  }, [check]);

  const verify = useCallback(async (qr: string) => {
    request.current?.abort();
    const controller = new AbortController();
    request.current = controller;
    setCheck({ kind: 'checking' });
    try {
      const answer = await verifyCertificate(qr, controller.signal);
      setCheck({ kind: 'answered', answer });
    } catch (error) {
      if (controller.signal.aborted) return;
      setCheck({ kind: 'failed', failure: error instanceof VerifyError ? error.failure : { kind: 'unavailable' } });
    }
  }, []);
  const verifyText = useCallback((qr: string) => void verify(qr), [verify]);

  function checkAnother() {
    setCheck({ kind: 'none' });
    focusSoon('verify-camera-heading');
  }

  const failure = check.kind === 'failed' ? check.failure : undefined;
  return (
    <div className="verify-page">
      <div className="intro">
        <h1 ref={heading} tabIndex={-1} className="verify-heading">{text.heading}</h1>
        <p>{text.intro}</p>
      </div>
      <div role="status" className="verify-live">{check.kind === 'checking' && <p>{text.checking}</p>}</div>
      <div role="alert" className="verify-live">
        {failure && (
          <p className="notice notice--error">
            {failure.kind === 'rejected' ? fill(text.rejected, { message: failure.message }) : text.unavailable}
          </p>
        )}
      </div>
      {check.kind === 'answered' && <VerifyResult answer={check.answer} onAnother={checkAnother} />}
      <div className="verify-methods">
        <CameraScanner onFound={verifyText} />
        <ImageUpload onFound={verifyText} />
        <PasteForm onSubmit={verifyText} />
      </div>
    </div>
  );
}
