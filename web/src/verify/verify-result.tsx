import type { VerifyAnswer } from './verify-api.js';
import { fill, translateReason, useVerifyText } from './verify-text.js';

export const RESULT_HEADING_ID = 'verify-result-heading';

/** "1/2" as "1 of 2"; anything else as the server wrote it. */
function doseText(dose: string, template: string): string {
  const match = /^(\d+)\/(\d+)$/.exec(dose);
  return match ? fill(template, { dose: match[1]!, total: match[2]! }) : dose;
}

/** "2026-09-24" as "24 September 2026" (or "24 सितंबर 2026"); Latin digits either way. */
function dateText(date: string, language: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  // UTC because the day is parsed as UTC midnight; any other zone could shift it.
  return new Intl.DateTimeFormat(`${language}-IN`, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC', numberingSystem: 'latn' })
    .format(new Date(`${date}T00:00:00Z`));
}

/**
 * The answer, big enough to read at arm's length at a door: a word and a sign as well as a colour,
 * since red and green alone fail the colour-blind and dim screens in sunlight.
 */
export function VerifyResult({ answer, onAnother }: { answer: VerifyAnswer; onAnother: () => void }) {
  const { text, language } = useVerifyText();
  const { valid, certificate } = answer;
  const reason = !valid && answer.reason ? translateReason(answer.reason, text) : undefined;
  return (
    <section className={`verify-result ${valid ? 'verify-result--valid' : 'verify-result--invalid'}`} aria-labelledby={RESULT_HEADING_ID}>
      <h2 id={RESULT_HEADING_ID} tabIndex={-1} className="verify-verdict">
        <span className="verify-verdict-sign" aria-hidden="true">{valid ? '✓' : '✗'}</span>
        {valid ? text.valid : text.notValid}
      </h2>
      {valid && <p>{text.validSummary}</p>}
      {reason && <p className="verify-reason" lang={reason.lang}>{reason.text}</p>}
      {certificate && (
        <>
          <h3 className="visually-hidden">{text.details}</h3>
          <dl className="verify-details">
            <div><dt>{text.name}</dt><dd className="verify-name">{certificate.name}</dd></div>
            <div><dt>{text.age}</dt><dd>{fill(text.ageYears, { age: certificate.age })}</dd></div>
            <div><dt>{text.vaccine}</dt><dd>{certificate.vaccine}</dd></div>
            <div><dt>{text.dose}</dt><dd>{doseText(certificate.dose, text.doseOf)}</dd></div>
            <div><dt>{text.date}</dt><dd>{dateText(certificate.date, language)}</dd></div>
          </dl>
        </>
      )}
      {valid && <p className="verify-photo-id">{text.matchPhotoId}</p>}
      <p><button type="button" onClick={onAnother}>{text.another}</button></p>
    </section>
  );
}
