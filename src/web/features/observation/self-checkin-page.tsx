import { useEffect, useState } from 'react';
import { SYMPTOM_LABELS, SYMPTOMS, type Symptom } from '../../../shared/observation';
import type { CheckinAnswer, OwnObservation } from '../../../shared/observation/observation-responses';
import { newPhoneId } from '../../shared/phone-id';

/**
 * The person's own twice-daily check-in (/r/o/<token>): no sign-in, one small page, temperature and
 * symptoms in a few taps. Plain React (the resident bundle). A resend after a lost answer carries the
 * same client id, so it is stored once.
 */
export function SelfCheckinPage({ token }: { token: string }) {
  const [own, setOwn] = useState<OwnObservation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [temperature, setTemperature] = useState('');
  const [symptoms, setSymptoms] = useState<Symptom[]>([]);
  const [clientId, setClientId] = useState(() => newPhoneId().replace(/-/g, ''));
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<CheckinAnswer | null>(null);

  useEffect(() => {
    fetch(`/api/public/observation/${token}`, {
      headers: { accept: 'application/json', 'x-dashu-lang': 'zh' },
    })
      .then(async (res) => {
        const body = await res.json();
        if (!res.ok) setError(body?.error?.message ?? '链接无法打开');
        else setOwn(body as OwnObservation);
      })
      .catch(() => setError('网络不通，请稍后再试'));
  }, [token]);

  const value = Number(temperature.replace(',', '.'));
  const valid = temperature.trim() !== '' && value >= 34 && value <= 43;

  async function submit() {
    if (!valid || sending) return;
    setSending(true);
    setError(null);
    try {
      const res = await fetch(`/api/public/observation/${token}/checkins`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-dashu-lang': 'zh' },
        body: JSON.stringify({ clientId, temperature: Math.round(value * 10) / 10, symptoms }),
      });
      const body = await res.json();
      if (!res.ok) setError(body?.error?.message ?? '提交失败，请重试');
      else setDone(body as CheckinAnswer);
    } catch {
      setError('网络不通，请稍后再点一次提交（不会重复记录）');
    } finally {
      setSending(false);
    }
  }

  if (!own)
    return (
      <div className="rf-message" data-testid="oc-loading">
        <p>{error ?? '正在打开…'}</p>
      </div>
    );
  if (done)
    return (
      <div className={`rf-receipt ${done.alarming ? 'rf-tone-alert' : 'rf-tone-ok'}`} data-testid="oc-done">
        <h1>{done.alarming ? '已收到，社区工作人员会尽快联系您' : '已收到，谢谢'}</h1>
        <p>
          观察第 {own.dayOfPeriod} 天，预计 {own.plannedEnd} 解除。
        </p>
        <button
          type="button"
          className="rf-secondary"
          onClick={() => {
            setDone(null);
            setTemperature('');
            setSymptoms([]);
            setClientId(newPhoneId().replace(/-/g, ''));
          }}
        >
          再报一次
        </button>
      </div>
    );
  return (
    <section className="rf-section" data-testid="oc-form">
      <h1>{own.name} · 每日健康报告</h1>
      <p className="rf-hint">
        {own.kind === 'home' ? '居家观察' : '集中观察'}第 {own.dayOfPeriod} 天 · 预计 {own.plannedEnd} 解除
      </p>
      <label className="rf-field">
        <span className="rf-label">体温（°C）</span>
        <input
          className="rf-input rf-num"
          inputMode="decimal"
          value={temperature}
          onChange={(e) => setTemperature(e.target.value)}
          placeholder="例如 36.5"
          data-testid="oc-temperature"
        />
      </label>
      <fieldset className="rf-field">
        <legend className="rf-label">有没有以下症状（没有就不选）</legend>
        <div className="rf-chips">
          {SYMPTOMS.map((s) => (
            <label key={s} className="rf-chip">
              <input
                type="checkbox"
                checked={symptoms.includes(s)}
                onChange={(e) =>
                  setSymptoms((now) => (e.target.checked ? [...now, s] : now.filter((x) => x !== s)))
                }
              />
              {SYMPTOM_LABELS[s].zh}
            </label>
          ))}
        </div>
      </fieldset>
      {error && <p className="rf-top-error">{error}</p>}
      <button
        type="button"
        className="rf-submit"
        disabled={!valid || sending}
        onClick={submit}
        data-testid="oc-submit"
      >
        {sending ? '正在提交…' : '提交'}
      </button>
    </section>
  );
}
