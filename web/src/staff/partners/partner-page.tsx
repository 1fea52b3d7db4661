import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeading } from '../../citizen/page-heading.js';
import { usePageTitle } from '../../layout/page-title.js';
import { LoadState } from '../planning/load-state.js';
import { useNote } from '../planning/page-notes.js';
import { useLoad } from '../planning/use-load.js';
import { useStaffTranslation } from '../staff-i18n.js';
import { AccessPanel } from './access-panel.js';
import { ApiKeyPanel } from './api-key-panel.js';
import { PartnerFacts, PartnerStatus } from './partner-facts.js';
import { PartnerForm } from './partner-form.js';
import type { PartnerView } from './partner-types.js';
import { fetchPartner } from './partners-api.js';

/** What the registration form tells this page when it sends the administrator here. */
export interface PartnerNote {
  kind: 'registered';
  name: string;
}

type Notice = { kind: 'registered' | 'saved' | 'disabled' | 'enabled'; name: string };

/** /staff/partners/:partnerId: one partner, its API key, its access, and its details to change. */
export function PartnerPage() {
  const { t } = useStaffTranslation();
  const id = useParams().partnerId ?? '';
  const { state, reload } = useLoad(id, (signal) => fetchPartner(id, signal));
  const note = useNote<PartnerNote>(['registered']);
  const [notice, setNotice] = useState<Notice | undefined>(note);
  // What this page changed since loading; the form starts again from it after each save.
  const [changed, setChanged] = useState<{ partner: PartnerView; version: number }>();
  const loaded = state.kind === 'loaded' ? state.value : undefined;
  const partner = changed?.partner.id === id ? changed.partner : loaded;
  usePageTitle(partner ? t('partners.detail.title', { name: partner.name }) : t('partners.detail.loadingTitle'));
  const noticeBox = useRef<HTMLDivElement>(null);

  // A change's outcome is read next; this runs after a closing dialog has handed focus back.
  useEffect(() => {
    if (notice && notice.kind !== 'registered') noticeBox.current?.focus();
  }, [notice]);

  function show(next: PartnerView, said?: Notice['kind']) {
    setChanged((current) => ({ partner: next, version: (current?.version ?? 0) + (said === 'saved' ? 1 : 0) }));
    if (said) setNotice({ kind: said, name: next.name });
  }

  return (
    <div className="citizen-page citizen-page--narrow">
      <p className="back-link"><Link to="/staff/partners">{t('partners.detail.back')}</Link></p>
      {partner ? (
        <div className="intro">
          <div className="partner-head">
            <PageHeading>{partner.name}</PageHeading>
            <PartnerStatus partner={partner} />
          </div>
        </div>
      ) : (
        <div className="intro"><PageHeading>{t('partners.list.heading')}</PageHeading></div>
      )}
      <div ref={noticeBox} id="partner-notice" tabIndex={-1} role="status" className={notice ? 'notice notice--done' : 'status-region'}>
        {notice?.kind === 'registered' && t('partners.list.registered', { name: notice.name })}
        {notice?.kind === 'saved' && t('partners.form.saved')}
        {notice?.kind === 'disabled' && t('partners.access.disabledDone', { name: notice.name })}
        {notice?.kind === 'enabled' && t('partners.access.enabledDone', { name: notice.name })}
      </div>
      <LoadState state={state} reload={reload} loading={t('partners.detail.loading')} notFound={t('partners.detail.notFound')} />
      {partner && (
        <>
          <div className="panel"><PartnerFacts partner={partner} full /></div>
          <ApiKeyPanel
            partner={partner}
            // Only the key's date changed; if this fails the page merely shows the old date.
            onCreated={() => void fetchPartner(id).then((fresh) => show(fresh), () => undefined)}
          />
          <AccessPanel partner={partner} onChanged={(next) => show(next, next.disabled ? 'disabled' : 'enabled')} />
          <section className="partner-edit" aria-labelledby="partner-edit-heading">
            <h2 id="partner-edit-heading">{t('partners.form.editHeading')}</h2>
            <PartnerForm key={`${partner.id}-${changed?.version ?? 0}`} partner={partner} onSaved={(next) => show(next, 'saved')} />
          </section>
        </>
      )}
    </div>
  );
}
