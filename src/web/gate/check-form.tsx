import { useState } from 'react';
import { FEVER_THRESHOLD, isFever } from '../../shared/access';
import { T, zh } from './bilingual';

export interface CheckDetails {
  temperature: number | null;
  idChecked: boolean;
  plate: string | null;
  trunkChecked: boolean;
  refused: boolean;
  refusalReason: string | null;
}

/** What the guard records about one passage: temperature, ID, vehicle, refusal. */
export function CheckForm({
  vehicles,
  suggestRefusal,
  onSave,
}: {
  vehicles: boolean;
  suggestRefusal: string | null;
  onSave: (details: CheckDetails) => void;
}) {
  const [temperature, setTemperature] = useState('');
  const [idChecked, setIdChecked] = useState(false);
  const [plate, setPlate] = useState('');
  const [trunkChecked, setTrunkChecked] = useState(false);
  const [refused, setRefused] = useState(suggestRefusal !== null);
  const [reason, setReason] = useState(suggestRefusal ?? '');
  const degrees = temperature === '' ? null : Number(temperature);
  const validDegrees = degrees === null || (Number.isFinite(degrees) && degrees >= 34 && degrees <= 43);
  const fever = validDegrees && isFever(degrees);

  return (
    <form
      className="g-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!validDegrees) return;
        onSave({
          temperature: degrees,
          idChecked,
          plate: plate.trim() ? plate.trim().toUpperCase() : null,
          trunkChecked,
          // A fever is always a refusal: the person does not pass.
          refused: refused || fever,
          refusalReason:
            refused || fever ? reason.trim() || (fever ? `体温 ≥ ${FEVER_THRESHOLD}` : null) : null,
        });
      }}
    >
      {/* Save sits beside the temperature, right under the verdict: the rest is optional and below. */}
      <div className="g-save-row">
        <label className="g-field">
          <T k="temperature" />
          <input
            inputMode="decimal"
            value={temperature}
            onChange={(e) => setTemperature(e.target.value)}
            aria-invalid={!validDegrees}
            data-testid="g-temperature"
          />
        </label>
        <button type="submit" className="g-btn g-primary" disabled={!validDegrees} data-testid="g-save">
          <T k="save" />
        </button>
      </div>
      {fever && (
        <p className="g-alarm" role="alert" data-testid="g-fever">
          <T k="feverAlarm" />
        </p>
      )}
      <label className="g-tick">
        <input type="checkbox" checked={idChecked} onChange={(e) => setIdChecked(e.target.checked)} />
        <T k="idChecked" />
      </label>
      {vehicles && (
        <>
          <label className="g-field">
            <T k="plate" />
            <input
              value={plate}
              maxLength={12}
              onChange={(e) => setPlate(e.target.value)}
              data-testid="g-plate"
            />
          </label>
          <label className="g-tick">
            <input
              type="checkbox"
              checked={trunkChecked}
              onChange={(e) => setTrunkChecked(e.target.checked)}
            />
            <T k="trunkChecked" />
          </label>
        </>
      )}
      <label className="g-tick">
        <input
          type="checkbox"
          checked={refused}
          onChange={(e) => setRefused(e.target.checked)}
          data-testid="g-refused"
        />
        <T k="refused" />
      </label>
      {(refused || fever) && (
        <input
          className="g-input"
          placeholder={zh('refusalReason')}
          value={reason}
          maxLength={200}
          onChange={(e) => setReason(e.target.value)}
        />
      )}
    </form>
  );
}
