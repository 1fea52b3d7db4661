import { useTranslation } from 'react-i18next';
import { VerifyLink } from '../verify/verify-link.js';

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="site-footer-inner">
        <p>{t('footer.about')}</p>
        <p><VerifyLink /></p>
        {/* A plain link, not a router Link: the server renders the docs, not this app. */}
        <p><a href="/api/docs">{t('footer.apiDocs')}</a></p>
      </div>
    </footer>
  );
}
