import { Field, Section } from './form-controls';
import type { FormState } from './form-state';
import type { FieldErrors, FieldKey } from './form-validation';
import type { PosterBuilding } from './resident-form-api';

interface Props {
  state: FormState;
  update: (patch: Partial<FormState>) => void;
  errors: FieldErrors;
  touch: (field: FieldKey) => void;
  buildings: readonly PosterBuilding[];
}

export function AddressSection({ state, update, errors, touch, buildings }: Props) {
  const building = buildings.find((b) => String(b.id) === state.buildingId);
  const entrances = building?.entrances ?? [];
  return (
    <Section title="住址" index={2}>
      {state.newcomer ? null : (
        <>
          <Field field="buildingId" label="楼栋" htmlFor="rf-building" errors={errors}>
            <select
              id="rf-building"
              data-testid="rf-building"
              className="rf-input"
              value={state.buildingId}
              onChange={(e) => {
                const next = buildings.find((b) => String(b.id) === e.target.value);
                const only = next?.entrances.length === 1 ? String(next.entrances[0]?.id ?? '') : '';
                update({ buildingId: e.target.value, entranceId: only });
              }}
              onBlur={() => touch('buildingId')}
            >
              <option value="">请选择</option>
              {buildings.map((b) => (
                <option key={b.id} value={String(b.id)}>
                  {b.name}
                </option>
              ))}
            </select>
          </Field>
          {entrances.length > 0 ? (
            <Field field="entranceId" label="单元" htmlFor="rf-entrance" errors={errors}>
              <select
                id="rf-entrance"
                data-testid="rf-entrance"
                className="rf-input"
                value={state.entranceId}
                onChange={(e) => update({ entranceId: e.target.value })}
                onBlur={() => touch('entranceId')}
              >
                <option value="">请选择</option>
                {entrances.map((entrance) => (
                  <option key={entrance.id} value={String(entrance.id)}>
                    {entrance.name}
                  </option>
                ))}
              </select>
            </Field>
          ) : null}
          <Field field="room" label="门牌号" htmlFor="rf-room" errors={errors}>
            <input
              id="rf-room"
              data-testid="rf-room"
              className="rf-input"
              value={state.room}
              maxLength={30}
              placeholder={building?.kind === 'bungalow_area' ? '如 东院 3 号' : '如 1502'}
              onChange={(e) => update({ room: e.target.value })}
              onBlur={() => touch('room')}
            />
          </Field>
        </>
      )}
      <label className="rf-check">
        <input
          type="checkbox"
          data-testid="rf-newcomer"
          checked={state.newcomer}
          onChange={(e) => update({ newcomer: e.target.checked })}
        />
        <span>我是新租户/访客，还没有住址</span>
      </label>
      {state.newcomer ? (
        <Field field="note" label="说明" htmlFor="rf-note" errors={errors} optional>
          <textarea
            id="rf-note"
            data-testid="rf-note"
            className="rf-input rf-textarea"
            rows={2}
            maxLength={200}
            placeholder="如：租住在 3 号楼，房东姓王；或来探望某某"
            value={state.note}
            onChange={(e) => update({ note: e.target.value })}
          />
        </Field>
      ) : null}
    </Section>
  );
}
