import { useTranslation } from 'react-i18next';

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="site-footer-inner">
        <p>{t('footer.about')}</p>
        {/* A plain link, not a router Link: the server renders the docs, not this app. */}
        <p><a href="/api/docs">{t('footer.apiDocs')}</a></p>
      </div>
    </footer>
  );
}
