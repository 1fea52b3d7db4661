import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useStaffTranslation } from '../staff-i18n.js';
import { centreEn } from './centre-en.js';
import type { RecordedDose } from './centre-api.js';

function isKnownKind(kind: string): kind is keyof typeof centreEn.encounter.kinds {
  return Object.hasOwn(centreEn.encounter.kinds, kind);
}

/** The recorded dose and the certificate the server issued with it. */
export function DoneStep({ recorded }: { recorded: RecordedDose }) {
  const { t } = useStaffTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const kind = recorded.certificate.kind;
  return (
    <section className="step panel panel--done" aria-labelledby="done-heading">
      <h2 id="done-heading" ref={heading} tabIndex={-1}>{t('encounter.doneHeading')}</h2>
      <p>{t('encounter.done', { dose: recorded.dose, vaccine: recorded.vaccine, batch: recorded.batch_number })}</p>
      <dl className="facts">
        <div><dt>{t('encounter.certificate')}</dt><dd className="number" id="certificate-id">{recorded.certificate.uvci}</dd></div>
        <div><dt>{t('encounter.certificateKind')}</dt><dd>{isKnownKind(kind) ? t(`encounter.kinds.${kind}`) : kind}</dd></div>
      </dl>
      <p>{t('encounter.certificateNote')}</p>
      <p><Link className="button primary" to="/staff/day">{t('encounter.back')}</Link></p>
    </section>
  );
}
