import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { logOut, useCitizenToken } from '../citizen/session.js';
import type { LoginPageState } from '../citizen/require-login.js';
import { LanguageSwitch } from './language-switch.js';

function AccountNav() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const loggedIn = useCitizenToken() !== undefined;

  function leave() {
    logOut();
    const state: LoginPageState = { ended: 'logged-out' };
    void navigate('/login', { state });
  }

  return (
    <nav className="account-nav" aria-label={t('nav.label')}>
      {loggedIn ? (
        <>
          <NavLink to="/family" end>{t('nav.family')}</NavLink>
          <button type="button" onClick={leave}>{t('nav.logout')}</button>
        </>
      ) : (
        <NavLink to="/login">{t('nav.login')}</NavLink>
      )}
    </nav>
  );
}

export function SiteHeader() {
  const { t } = useTranslation();
  // The staff console has its own menu and sign-out; a citizen's "Log in" there would mislead.
  const staffPages = useLocation().pathname.startsWith('/staff');
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link to="/" className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </Link>
        <div className="header-tools">
          {!staffPages && <AccountNav />}
          <LanguageSwitch />
        </div>
      </div>
    </header>
  );
}
