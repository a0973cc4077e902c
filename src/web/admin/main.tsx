import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../shared/i18n';
import { setUnauthorizedHandler } from '../shared/api-client';
import { forgetKeptAnswers } from '../shared/kept-on-phone';
import { queryClient } from '../shared/query-client';
import { startLogoutSender } from '../shared/session-end';
import { App } from './app';
import { router } from './routes';

// A session that ran out mid-work: back to the login page, then back here after signing in. The
// router's own location may still carry the /admin basename; paths given to navigate must not.
setUnauthorizedHandler(() => {
  const { pathname, search } = router.state.location;
  const inApp = pathname.replace(/^\/admin(?=\/|$)/, '') || '/';
  if (inApp === '/login') return;
  void forgetKeptAnswers();
  void router
    .navigate('/login', { replace: true, state: { from: inApp + search } })
    .then(() => queryClient.clear());
});

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// A sign-out made without signal reaches the server as soon as the phone is back online.
startLogoutSender();

// Volunteers and building checkers use the console on phones in stairwells: the service worker keeps
// the page itself, so it reopens with no signal (their lists and outbox are kept in IndexedDB).
if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    void navigator.serviceWorker.register('/sw.js', { scope: '/admin/' }).catch(() => {});
  });
}
