import { useState } from 'react';
import { TRANSPORT_LABELS, TRANSPORTS, type Transport } from '../../../../shared/declarations';
import { beijingToday } from '../../../../shared/time/beijing';
import { Choice, Field, Section, YES_NO } from './form-controls';
import { type FormState, MAX_VISITED } from './form-state';
import type { FieldErrors, FieldKey } from './form-validation';
import { RegionPicker, type RegionValue, regionName, useAreas } from './region-picker';

interface Props {
  state: FormState;
  update: (patch: Partial<FormState>) => void;
  errors: FieldErrors;
  touch: (field: FieldKey) => void;
}

const TRANSPORT_OPTIONS = TRANSPORTS.map((value) => ({ value, label: TRANSPORT_LABELS[value].zh }));
const BEIJING = ['110000'];
const NO_REGION: RegionValue = { province: '', city: '', county: '' };

export function TravelSection({ state, update, errors, touch }: Props) {
  return (
    <Section title="行程" index={3}>
      <Field field="leftCity" label="近14天是否离开过北京？" errors={errors}>
        <Choice
          label="近14天是否离开过北京"
          options={YES_NO}
          value={state.leftCity}
          onChange={(leftCity) => update({ leftCity })}
          testid={(v) => `rf-left-${v}`}
        />
      </Field>
      {state.leftCity === 'yes' ? (
        <TripFields state={state} update={update} errors={errors} touch={touch} />
      ) : null}
    </Section>
  );
}

function TripFields({ state, update, errors, touch }: Props) {
  const areas = useAreas();
  const origin = { province: state.originProvince, city: state.originCity, county: state.originRegion };
  const numberLabel = state.transport === 'self_drive' ? '车牌号' : '车次/航班号';
  return (
    <>
      <Field field="originRegion" label="从哪里返京" errors={errors}>
        {areas === null ? <p className="rf-hint">正在加载地区列表…</p> : null}
        {areas === 'failed' ? <p className="rf-err">地区列表没有加载成功，请检查网络后刷新页面</p> : null}
        {areas && areas !== 'failed' ? (
          <RegionPicker
            areas={areas}
            value={origin}
            testid="rf"
            label="从哪里返京"
            exclude={BEIJING}
            onBlur={() => state.originCity && touch('originRegion')}
            onChange={(v) =>
              update({ originProvince: v.province, originCity: v.city, originRegion: v.county })
            }
          />
        ) : null}
      </Field>
      <Field field="returnDate" label="返京日期" htmlFor="rf-return-date" errors={errors}>
        <input
          id="rf-return-date"
          data-testid="rf-return-date"
          className="rf-input"
          type="date"
          max={beijingToday()}
          value={state.returnDate}
          onChange={(e) => update({ returnDate: e.target.value })}
          onBlur={() => touch('returnDate')}
        />
      </Field>
      <Field field="transport" label="交通方式" errors={errors}>
        <Choice
          label="交通方式"
          wrap
          options={TRANSPORT_OPTIONS}
          value={state.transport}
          onChange={(transport: Transport) => update({ transport })}
          testid={(v) => `rf-transport-${v}`}
        />
      </Field>
      <div className="rf-pair">
        <Field
          field="transportNumber"
          label={numberLabel}
          htmlFor="rf-transport-number"
          errors={errors}
          optional
        >
          <input
            id="rf-transport-number"
            data-testid="rf-transport-number"
            className="rf-input"
            autoCapitalize="characters"
            maxLength={20}
            value={state.transportNumber}
            onChange={(e) => update({ transportNumber: e.target.value })}
          />
        </Field>
        <Field field="seat" label="座位号" htmlFor="rf-seat" errors={errors} optional>
          <input
            id="rf-seat"
            data-testid="rf-seat"
            className="rf-input"
            maxLength={20}
            value={state.seat}
            onChange={(e) => update({ seat: e.target.value })}
          />
        </Field>
      </div>
      {areas && areas !== 'failed' ? (
        <Field field="riskRegionsVisited" label="途经或停留过的其他地区" errors={errors} optional>
          {state.visited.length > 0 ? (
            <ul className="rf-chips">
              {state.visited.map((code) => (
                <li key={code} className="rf-chip">
                  {regionName(areas, code)}
                  <button
                    type="button"
                    aria-label={`去掉 ${regionName(areas, code)}`}
                    data-testid={`rf-visited-remove-${code}`}
                    onClick={() => update({ visited: state.visited.filter((c) => c !== code) })}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          {state.visited.length < MAX_VISITED ? (
            <VisitedAdder
              add={(code) => !state.visited.includes(code) && update({ visited: [...state.visited, code] })}
            />
          ) : (
            <p className="rf-hint">最多填 {MAX_VISITED} 个地区</p>
          )}
        </Field>
      ) : null}
    </>
  );
}

function VisitedAdder({ add }: { add: (code: string) => void }) {
  const areas = useAreas();
  const [pick, setPick] = useState<RegionValue>(NO_REGION);
  if (!areas || areas === 'failed') return null;
  const code = pick.county || pick.city || pick.province;
  return (
    <div className="rf-visited">
      <RegionPicker areas={areas} value={pick} onChange={setPick} testid="rf-visited" label="途经地区" />
      <button
        type="button"
        className="rf-small-btn"
        data-testid="rf-visited-add"
        disabled={!code}
        onClick={() => {
          add(code);
          setPick(NO_REGION);
        }}
      >
        添加这个地区
      </button>
    </div>
  );
}
