import { useMemo, useState } from 'react';
import { T, zh } from './bilingual';
import type { GateDoor } from './gate-api';

/** What the guard picked: a door of the list (its household id), or text for a door not on it. */
export type PickedDoor = { householdId: number } | { visiting: string } | null;

const NO_UNIT = '';
/** The unit list's "pick one" line: not the same as "rooms with no unit". */
const PICK = '#pick';

/**
 * 到访住户: building, then unit (when the building has them), then room, from the compound's doors the
 * offline list carries, so it works without signal and a visit is recorded against a real door. A door
 * not on the list (a shop, a family just moved in) can still be typed.
 */
export function DoorPicker({
  doors,
  onChange,
}: {
  doors: ReadonlyMap<number, GateDoor>;
  onChange: (picked: PickedDoor) => void;
}) {
  const [building, setBuilding] = useState('');
  const [unit, setUnit] = useState<string | null>(null);
  const [typing, setTyping] = useState(doors.size === 0);
  const [typed, setTyped] = useState('');
  const list = useMemo(() => [...doors.values()], [doors]);
  const buildings = useMemo(() => [...new Set(list.map((d) => d.building))], [list]);
  const inBuilding = list.filter((d) => d.building === building);
  const units = [...new Set(inBuilding.map((d) => d.unit ?? NO_UNIT))];
  const needsUnit = units.length > 1 || (units.length === 1 && units[0] !== NO_UNIT);
  const rooms = inBuilding.filter((d) => !needsUnit || (d.unit ?? NO_UNIT) === unit);

  if (typing)
    return (
      <label className="g-field">
        <T k="visitingTyped" />
        <input
          value={typed}
          maxLength={100}
          onChange={(e) => {
            setTyped(e.target.value);
            onChange(e.target.value.trim() ? { visiting: e.target.value.trim() } : null);
          }}
          data-testid="g-v-visiting"
        />
        {doors.size === 0 && <small className="g-muted">{zh('doorsNeedList')}</small>}
      </label>
    );

  return (
    <fieldset className="g-field g-door" data-testid="g-visitor-door">
      <legend>
        <T k="visiting" />
      </legend>
      <select
        className="g-input"
        value={building}
        aria-label={zh('pickDoor')}
        onChange={(e) => {
          setBuilding(e.target.value);
          setUnit(null);
          onChange(null);
        }}
        data-testid="g-v-building"
      >
        <option value="">{zh('pickDoor')}</option>
        {buildings.map((b) => (
          <option key={b} value={b}>
            {b}
          </option>
        ))}
      </select>
      {building && needsUnit && (
        <select
          className="g-input"
          value={unit ?? PICK}
          onChange={(e) => {
            setUnit(e.target.value === PICK ? null : e.target.value);
            onChange(null);
          }}
          data-testid="g-v-unit"
        >
          <option value={PICK}>—</option>
          {units.map((u) => (
            <option key={u} value={u}>
              {u || '—'}
            </option>
          ))}
        </select>
      )}
      {building && (!needsUnit || unit !== null) && (
        <select
          // A new building or unit starts the room over (the old pick was cleared above).
          key={`${building}|${unit ?? ''}`}
          className="g-input"
          defaultValue=""
          onChange={(e) => onChange(e.target.value ? { householdId: Number(e.target.value) } : null)}
          data-testid="g-v-room"
        >
          <option value="">—</option>
          {rooms.map((d) => (
            <option key={d.id} value={d.id}>
              {d.room}
            </option>
          ))}
        </select>
      )}
      <button
        type="button"
        className="g-link"
        onClick={() => {
          setTyping(true);
          onChange(null);
        }}
      >
        <T k="doorNotListed" />
      </button>
    </fieldset>
  );
}
