import { useStaffTranslation } from '../staff-i18n.js';
import type { Loaded } from './use-load.js';

/** What a page says while its data loads, when the server cannot be reached, and for a 404. */
export function LoadState({ state, reload, loading, notFound }: { state: Loaded<unknown>; reload: () => void; loading: string; notFound: string }) {
  const { t } = useStaffTranslation();
  return (
    <>
      <div role="status" className="status-region">
        {state.kind === 'loading' && <p>{loading}</p>}
      </div>
      {state.kind === 'failed' && (
        <div role="alert" className="notice notice--error">
          <p>{t('common.unavailable')}</p>
          <button type="button" onClick={reload}>{t('common.retry')}</button>
        </div>
      )}
      {state.kind === 'not-found' && <p className="notice notice--error">{notFound}</p>}
    </>
  );
}
