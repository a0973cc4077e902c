import { useCallback, useEffect, useState } from 'react';
import type { Gate } from './gate-api';
import { gateApi } from './gate-api';
import { GatePicker } from './gate-picker';
import { GateScreen } from './gate-screen';
import { OwnPassPage } from './own-pass-page';
import { SignIn } from './sign-in';

/** `/gate/p/<token>` → the resident's personal link token. */
export function ownPassToken(pathname: string): string | null {
  return /^\/gate\/p\/([A-Za-z0-9_-]{24})\/?$/.exec(pathname)?.[1] ?? null;
}

const GATE_KEY = 'dashu-gate:gate';

function storedGate(): Gate | null {
  try {
    return JSON.parse(localStorage.getItem(GATE_KEY) ?? 'null') as Gate | null;
  } catch {
    return null;
  }
}

type Stage = 'loading' | 'signin' | 'pick' | 'gate';

/**
 * The guard's app. Offline start: if the phone was signed in and had a gate, it goes straight to the
 * gate screen (the session cookie is still there; the server answers once the network is back).
 */
export function App() {
  const link = ownPassToken(window.location.pathname);
  const [stage, setStage] = useState<Stage>('loading');
  const [gate, setGate] = useState<Gate | null>(storedGate);

  useEffect(() => {
    if (link) return;
    gateApi
      .me()
      .then(() => setStage(storedGate() ? 'gate' : 'pick'))
      .catch((error: unknown) => {
        const offline = !(error instanceof Error && 'status' in error);
        setStage(offline && storedGate() ? 'gate' : 'signin');
      });
  }, [link]);

  const signedOut = useCallback(() => setStage('signin'), []);
  const changeGate = useCallback(() => setStage('pick'), []);

  if (link) return <OwnPassPage linkToken={link} />;
  if (stage === 'loading') return <main className="g-page" />;
  if (stage === 'signin') return <SignIn onSignedIn={() => setStage(gate ? 'gate' : 'pick')} />;
  if (stage === 'pick' || !gate)
    return (
      <GatePicker
        onPick={(picked) => {
          localStorage.setItem(GATE_KEY, JSON.stringify(picked));
          setGate(picked);
          setStage('gate');
        }}
        onSignOut={() => void gateApi.logout().finally(signedOut)}
      />
    );
  return <GateScreen gate={gate} onChangeGate={changeGate} onSignedOut={signedOut} />;
}
