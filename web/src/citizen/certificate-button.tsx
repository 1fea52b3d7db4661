import { useState } from 'react';
import { failureOf, fetchCertificate } from './citizen-api.js';
import { useCitizenTranslation } from './citizen-i18n.js';
import { saveFile } from './download.js';

/**
 * Fetches a member's latest certificate with the token (a plain link could not send it) and saves
 * it as a PDF. The server signs it afresh for each download, so it is never cached here either.
 */
export function CertificateButton({ referenceId, label, className }: { referenceId: string; label: string; className?: string }) {
  const { t } = useCitizenTranslation();
  const [state, setState] = useState<'idle' | 'busy' | 'failed' | 'not-issued'>('idle');

  async function download() {
    setState('busy');
    try {
      saveFile(await fetchCertificate(referenceId), `vaccination-certificate-${referenceId}.pdf`);
      setState('idle');
    } catch (error) {
      const failure = failureOf(error);
      // A 401 has already sent the page to the login screen.
      if (failure.kind === 'session-ended') return;
      setState(failure.kind === 'rejected' && failure.status === 404 ? 'not-issued' : 'failed');
    }
  }

  return (
    <>
      <button type="button" className={className} onClick={() => void download()} disabled={state === 'busy'} aria-label={state === 'busy' ? undefined : label}>
        {state === 'busy' ? t('certificate.downloading') : t('certificate.download')}
      </button>
      {state === 'failed' && <p role="alert" className="field-error">{t('certificate.failed')}</p>}
      {state === 'not-issued' && <p role="alert" className="field-error">{t('certificate.notIssued')}</p>}
    </>
  );
}
