import { useState } from 'react';
import { fetchSlip, failureOf } from './citizen-api.js';
import { useCitizenTranslation } from './citizen-i18n.js';
import { saveFile } from './download.js';

/** Fetches the slip with the token (a plain link could not send it) and saves it as a PDF. */
export function SlipButton({ appointmentId, label, className }: { appointmentId: string; label?: string | undefined; className?: string }) {
  const { t } = useCitizenTranslation();
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');

  async function download() {
    setState('busy');
    try {
      saveFile(await fetchSlip(appointmentId), 'appointment-slip.pdf');
      setState('idle');
    } catch (error) {
      // A 401 has already sent the page to the login screen.
      if (failureOf(error).kind !== 'session-ended') setState('failed');
    }
  }

  return (
    <>
      <button type="button" className={className} onClick={() => void download()} disabled={state === 'busy'} aria-label={state === 'busy' ? undefined : label}>
        {state === 'busy' ? t('appointment.downloading') : t('appointment.download')}
      </button>
      {state === 'failed' && <p role="alert" className="field-error">{t('appointment.slipFailed')}</p>}
    </>
  );
}
