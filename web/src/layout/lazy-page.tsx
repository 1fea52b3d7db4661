import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Citizen pages load only when first visited, so a visitor who only searches for a centre never
 * downloads them: React.lazy over a named export.
 */
export function lazyPage<K extends string, M extends Record<K, ComponentType>>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

function LoadingPage() {
  const { t } = useTranslation();
  return <p role="status" className="page-loading">{t('page.loading')}</p>;
}

function LoadFailed() {
  const { t } = useTranslation();
  return <p role="alert" className="notice notice--error">{t('page.loadFailed')}</p>;
}

/** A chunk that fails to arrive (a dropped connection, a release mid-visit) must not blank the page. */
class LoadBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <LoadFailed /> : this.props.children;
  }
}

export function PageLoader({ children }: { children: ReactNode }) {
  return (
    <LoadBoundary>
      <Suspense fallback={<LoadingPage />}>{children}</Suspense>
    </LoadBoundary>
  );
}
