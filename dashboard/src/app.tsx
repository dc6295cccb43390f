import { useEffect, useRef, useState } from 'preact/hooks';
import type { AdminClient } from './api/create-admin-client';
import type { Session } from './api/create-session';
import { LoginForm } from './components/login-form';
import { NavBar } from './components/nav-bar';
import { autoRefreshIntervalMs, type AutoRefresh } from './lib/auto-refresh';
import { dashboardPages, parseDashboardHash, type DashboardLocation } from './lib/dashboard-routes';
import { ArenaPage } from './pages/arena-page';
import { OverviewPage } from './pages/overview-page';
import { ProvidersPage } from './pages/providers-page';
import { RequestsPage } from './pages/requests-page';
import { UsagePage } from './pages/usage-page';

export interface AppProps {
  session: Session;
  client: AdminClient;
}

/**
 * The dashboard's shell: a header with the nav and the log-out button, then the page the hash names —
 * or the login form, while the gateway wants the admin key.
 */
export function App({ session, client }: AppProps) {
  const [location, setLocation] = useState<DashboardLocation>(() => parseDashboardHash(window.location.hash));
  const [, setSessionVersion] = useState(0);
  // Pages remount after a login, so every one loads again with the key.
  const [loginCount, setLoginCount] = useState(0);
  const [isPaused, setPaused] = useState(false);
  const main = useRef<HTMLElement>(null);

  useEffect(() => {
    const onHashChange = () => setLocation(parseDashboardHash(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  useEffect(() => session.subscribe(() => setSessionVersion((version) => version + 1)), [session]);
  const title = dashboardPages.find((page) => page.id === location.page)?.title ?? 'Overview';
  useEffect(() => {
    document.title = `${session.isLoginRequired ? 'Log in' : title} · Arbiter`;
  }, [title, session.isLoginRequired]);

  const refresh: AutoRefresh = { intervalMs: autoRefreshIntervalMs, isPaused, setPaused };
  return (
    <>
      <button type="button" class="skip-link" onClick={() => main.current?.focus()}>
        Skip to content
      </button>
      <header class="top">
        <span class="brand">Arbiter</span>
        <NavBar current={location.page} />
        {session.key ? (
          <button type="button" class="logout" onClick={() => session.logOut()}>
            Log out
          </button>
        ) : null}
      </header>
      <main id="main" ref={main} tabIndex={-1} key={loginCount}>
        {session.isLoginRequired ? (
          <LoginForm
            wasKeyRefused={session.wasKeyRefused}
            onLogIn={(key) => {
              session.logIn(key);
              setLoginCount((count) => count + 1);
            }}
          />
        ) : (
          renderPage(location, client, refresh)
        )}
      </main>
    </>
  );
}

function renderPage(location: DashboardLocation, client: AdminClient, refresh: AutoRefresh) {
  switch (location.page) {
    case 'overview':
      return <OverviewPage client={client} refresh={refresh} />;
    case 'providers':
      return <ProvidersPage client={client} refresh={refresh} />;
    case 'arena':
      return <ArenaPage client={client} />;
    case 'usage':
      return <UsagePage client={client} refresh={refresh} />;
    case 'requests':
      return <RequestsPage client={client} detail={location.detail} />;
  }
}
