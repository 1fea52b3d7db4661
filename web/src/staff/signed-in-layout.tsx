import { useEffect, useState } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { loadProfile } from './account-api.js';
import { StaffProfileContext } from './staff-profile.js';
import { StaffNav } from './staff-nav.js';
import { useStaffTranslation } from './staff-i18n.js';
import { useStaffSession } from './staff-session.js';

export interface SignInPageState {
  /** Where to return after signing in. */
  from?: string;
}

/**
 * Every console page but sign-in: asks the server who is signed in when the page has just loaded,
 * sends anyone signed out (or whose session just ended) to the sign-in page, and a one-time
 * password holder to the password page until they have chosen their own.
 */
export function SignedInLayout() {
  const { t } = useStaffTranslation();
  const session = useStaffSession();
  const location = useLocation();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (session.status !== 'unknown') return;
    loadProfile().catch(() => setFailed(true));
  }, [session.status]);

  if (session.status === 'unknown') {
    if (failed) {
      return (
        <div role="alert" className="notice notice--error">
          <p>{t('common.unavailable')}</p>
          <button type="button" onClick={() => { setFailed(false); loadProfile().catch(() => setFailed(true)); }}>{t('common.retry')}</button>
        </div>
      );
    }
    return <p role="status" className="page-loading">{t('common.loading')}</p>;
  }
  if (session.status === 'signed-out') {
    const state: SignInPageState = { from: session.ended === 'signed-out' ? undefined : location.pathname };
    return <Navigate to="/staff/login" replace state={state} />;
  }
  if (session.mustChangePassword && location.pathname !== '/staff/password') return <Navigate to="/staff/password" replace />;
  return (
    <StaffProfileContext.Provider value={session.profile}>
      <div className="staff-console">
        <StaffNav profile={session.profile} passwordPending={session.mustChangePassword} />
        <div className="staff-page"><Outlet /></div>
      </div>
    </StaffProfileContext.Provider>
  );
}
