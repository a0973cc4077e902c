import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startLogoutSender } from '../shared/session-end';
import { App } from './app';
import './gate.css';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// A sign-out made without signal reaches the server as soon as the phone is back online.
startLogoutSender();

// The service worker keeps the app shell so the gate app opens with no signal at all.
if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    void navigator.serviceWorker.register('/sw.js', { scope: '/gate/' }).catch(() => {});
  });
}
