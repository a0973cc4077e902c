import { useCallback, useEffect, useState } from 'react';
import { deliverNow, isSignedOut, markSignedOut } from '../shared/session-end';
import type { Gate, SignedInAccount } from './gate-api';
import { GateApiError, gateApi } from './gate-api';
import { GatePicker } from './gate-picker';
import { GateScreen } from './gate-screen';
import { forgetLists } from './offline-store';
import { OwnPassPage } from './own-pass-page';
import { SignIn } from './sign-in';

/** `/gate/p/<token>` → the resident's personal link token. */
export function ownPassToken(pathname: string): string | null {
  return /^\/gate\/p\/([A-Za-z0-9_-]{24})\/?$/.exec(pathname)?.[1] ?? null;
}

const GATE_KEY = 'dashu-gate:gate';
/** Who the phone is signed in as: the offline start needs it to know whose checks it records. */
const ACCOUNT_KEY = 'dashu-gate:account';

function stored<T>(key: string): T | null {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null') as T | null;
  } catch {
    return null;
  }
}

function remember(account: SignedInAccount | null) {
  if (account)
    localStorage.setItem(ACCOUNT_KEY, JSON.stringify({ id: account.id, displayName: account.displayName }));
  else localStorage.removeItem(ACCOUNT_KEY);
}

type Stage = 'loading' | 'signin' | 'pick' | 'gate';

/**
 * The guard's app. Offline start: if the phone was signed in and had a gate, it goes straight to the
 * gate screen (the session cookie is still there; the server answers once the network is back) — unless
 * someone signed out on this phone, offline or not: then it is the sign-in page until a new sign-in.
 */
export function App() {
  const link = ownPassToken(window.location.pathname);
  const [stage, setStage] = useState<Stage>('loading');
  const [gate, setGate] = useState<Gate | null>(() => stored<Gate>(GATE_KEY));
  const [account, setAccount] = useState<SignedInAccount | null>(() => stored<SignedInAccount>(ACCOUNT_KEY));
  const [note, setNote] = useState(false);

  /** Asks the server who this is; offline, trusts what the phone remembers. */
  const resume = useCallback(() => {
    if (isSignedOut()) return setStage('signin');
    gateApi
      .me()
      .then(({ account: me }) => {
        remember(me);
        setAccount(me);
        setStage(stored(GATE_KEY) ? 'gate' : 'pick');
      })
      .catch((error: unknown) => {
        const offline = !(error instanceof GateApiError) || error.status === 0 || error.status >= 500;
        if (!offline) remember(null);
        setStage(offline && stored(ACCOUNT_KEY) && stored(GATE_KEY) ? 'gate' : 'signin');
      });
  }, []);

  useEffect(() => {
    if (!link) resume();
  }, [link, resume]);

  /** The session ran out on the server (401): its cookie no longer signs anyone in. */
  const sessionEnded = useCallback(() => {
    remember(null);
    setAccount(null);
    setStage('signin');
  }, []);

  /**
   * 退出: at once on the phone, with or without signal — the next person finds the sign-in page, and
   * nothing is sent with the old cookie; the server ends that session as soon as it can be reached.
   * The queue stays: those checks wait for this guard's next sign-in on this phone.
   */
  const signOut = useCallback(() => {
    markSignedOut();
    remember(null);
    localStorage.removeItem(GATE_KEY);
    setGate(null);
    setAccount(null);
    setNote(true);
    setStage('signin');
    void forgetLists();
    void deliverNow();
  }, []);

  if (link) return <OwnPassPage linkToken={link} />;
  if (stage === 'loading') return <main className="g-page" />;
  if (stage === 'signin' || !account)
    return (
      <SignIn
        signedOutNote={note}
        onSignedIn={(me) => {
          remember(me);
          setAccount(me);
          setNote(false);
          setStage(gate ? 'gate' : 'pick');
        }}
      />
    );
  if (stage === 'pick' || !gate)
    return (
      <GatePicker
        onPick={(picked) => {
          localStorage.setItem(GATE_KEY, JSON.stringify(picked));
          setGate(picked);
          setStage('gate');
        }}
        onSignOut={signOut}
      />
    );
  return (
    <GateScreen
      key={account.id}
      gate={gate}
      account={account}
      onChangeGate={() => setStage('pick')}
      onSignedOut={sessionEnded}
      onSignOut={signOut}
      onOtherAccount={resume}
    />
  );
}
