import { useEffect, useState } from 'react';
import { T } from './bilingual';
import { type Gate, gateApi } from './gate-api';

export function GatePicker({ onPick, onSignOut }: { onPick: (gate: Gate) => void; onSignOut: () => void }) {
  const [gates, setGates] = useState<Gate[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    gateApi
      .gates()
      .then((r) => setGates(r.items))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  return (
    <main className="g-page">
      <h1>
        <T k="pickGate" />
      </h1>
      {error && <p className="g-warn">{error}</p>}
      {gates?.length === 0 && (
        <p className="g-muted">
          <T k="noGates" />
        </p>
      )}
      <ul className="g-gates">
        {gates?.map((gate) => (
          <li key={gate.id}>
            <button
              type="button"
              className="g-btn"
              onClick={() => onPick(gate)}
              data-testid={`g-gate-${gate.id}`}
            >
              {gate.compoundName} · {gate.name}
              {gate.openingHours && <small className="g-muted"> {gate.openingHours}</small>}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="g-link" onClick={onSignOut}>
        <T k="signOut" />
      </button>
    </main>
  );
}
