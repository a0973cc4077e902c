import { useState } from 'react';
import { isFever } from '../../shared/access';
import { T, zh } from './bilingual';
import { DoorPicker, type PickedDoor } from './door-picker';
import { type Gate, GateApiError, gateApi, type VisitorPass } from './gate-api';
import type { Knowledge } from './verify';

const NO_DOORS: Knowledge['doors'] = new Map();

/**
 * 访客登记 (needs the network: the phone number is sealed on the server). The visitor gets a pass for
 * today as a QR code on the guard's screen — photographed or shown again when leaving.
 */
export function VisitorForm({
  gate,
  knowledge,
  onClose,
}: {
  gate: Gate;
  /** The offline list: its doors are what the visited household is picked from. */
  knowledge: Knowledge | null;
  onClose: () => void;
}) {
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [reason, setReason] = useState('');
  const [visiting, setVisiting] = useState<PickedDoor>(null);
  const [temperature, setTemperature] = useState('');
  const [plate, setPlate] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pass, setPass] = useState<VisitorPass | null>(null);
  const [svg, setSvg] = useState<string | null>(null);
  const degrees = temperature === '' ? null : Number(temperature);
  const validDegrees = degrees !== null && Number.isFinite(degrees) && degrees >= 34 && degrees <= 43;

  if (pass)
    return (
      <section
        className={`g-verdict ${pass.fever ? 'g-v-unknown' : 'g-v-valid'}`}
        data-testid="g-visitor-pass"
      >
        <h2>{pass.fever ? <T k="feverAlarm" /> : <T k="visitorPass" />}</h2>
        <p>
          {pass.name} · {pass.phone} · {pass.validOn}
        </p>
        {svg && (
          // biome-ignore lint/security/noDangerouslySetInnerHtml: SVG made by the qrcode library from our signed token
          <div className="g-qr" dangerouslySetInnerHTML={{ __html: svg }} />
        )}
        <button type="button" className="g-btn" onClick={onClose}>
          <T k="done" />
        </button>
      </section>
    );

  return (
    <form
      className="g-form g-verdict"
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        gateApi
          .visitor({
            gateId: gate.id,
            name: name.trim(),
            phone: phone.trim(),
            reason: reason.trim(),
            ...visiting,
            temperature: degrees,
            plate: plate.trim() || null,
          })
          .then(async ({ visitor }) => {
            setPass(visitor);
            if (visitor.token) {
              const QRCode = (await import('qrcode')).default;
              setSvg(
                await QRCode.toString(visitor.token, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
              );
            }
          })
          .catch((e: unknown) =>
            setError(
              e instanceof GateApiError
                ? e.message
                : navigator.onLine
                  ? String(e)
                  : zh('visitorNeedsNetwork'),
            ),
          );
      }}
    >
      <h2>
        <T k="visitor" />
      </h2>
      {(
        [
          ['visitorName', name, setName, 'g-v-name'],
          ['visitorPhone', phone, setPhone, 'g-v-phone'],
          ['visitorReason', reason, setReason, 'g-v-reason'],
        ] as const
      ).map(([k, value, set, id]) => (
        <label className="g-field" key={k}>
          <T k={k} />
          <input value={value} maxLength={100} onChange={(e) => set(e.target.value)} data-testid={id} />
        </label>
      ))}
      <DoorPicker doors={knowledge?.doors ?? NO_DOORS} onChange={setVisiting} />
      <label className="g-field">
        <T k="temperature" />
        <input
          inputMode="decimal"
          value={temperature}
          onChange={(e) => setTemperature(e.target.value)}
          data-testid="g-v-temperature"
        />
      </label>
      {validDegrees && isFever(degrees) && (
        <p className="g-alarm" role="alert">
          <T k="feverAlarm" />
        </p>
      )}
      {gate.vehiclesAllowed && (
        <label className="g-field">
          <T k="plate" />
          <input value={plate} maxLength={12} onChange={(e) => setPlate(e.target.value)} />
        </label>
      )}
      {error && (
        <p className="g-warn" role="alert">
          {error}
        </p>
      )}
      <button
        type="submit"
        className="g-btn g-primary"
        disabled={!validDegrees || !name.trim() || !phone.trim() || !reason.trim() || !visiting}
        data-testid="g-v-save"
      >
        <T k="register" />
      </button>
      <button type="button" className="g-link" onClick={onClose}>
        <T k="cancel" />
      </button>
    </form>
  );
}
