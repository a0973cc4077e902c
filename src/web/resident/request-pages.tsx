import { useCallback, useEffect, useState } from 'react';
import {
  REQUEST_STATUS_LABELS,
  SATISFACTION_LABELS,
  SATISFACTIONS,
  type Satisfaction,
} from '../../shared/requests';
import type {
  PublicRequest,
  PublicRequestAnswer,
  PublicRequestFiled,
  PublicRequestForm,
} from '../../shared/requests/requests-responses';
import { formatBeijingDateTime } from '../../shared/time/beijing';

// The resident's side of 接诉即办: filing a request from the poster (/r/s/<poster token>) and following it
// through their own link (/r/q/<token>), where they also rate it. Plain React, no UI kit.

async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        accept: 'application/json',
        'x-dashu-lang': 'zh',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
    });
  } catch {
    throw new Error('网络不好，请稍后再试');
  }
  const parsed = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!response.ok) throw new Error(parsed?.error?.message ?? '系统暂时出了问题，请稍后再试');
  return parsed as T;
}

/** A resident files a request from the poster: name, phone, category, what it is about. */
export function RequestFormPage({ token }: { token: string }) {
  const [form, setForm] = useState<PublicRequestForm | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [fields, setFields] = useState({
    name: '',
    phone: '',
    categoryId: 0,
    text: '',
    contactPreference: '',
  });
  useEffect(() => {
    call<PublicRequestForm>('GET', `/api/public/posters/${token}/request-form`).then(setForm, (e: Error) =>
      setError(e.message),
    );
  }, [token]);
  const set = (key: keyof typeof fields) => (e: { target: { value: string } }) =>
    setFields({ ...fields, [key]: key === 'categoryId' ? Number(e.target.value) : e.target.value });
  const submit = async () => {
    if (!fields.name.trim() || !fields.phone.trim() || !fields.text.trim() || !fields.categoryId) {
      setError('请填写姓名、手机号、类别和诉求内容');
      return;
    }
    setSending(true);
    setError(null);
    try {
      const filed = await call<PublicRequestFiled>('POST', `/api/public/posters/${token}/requests`, {
        ...fields,
        contactPreference: fields.contactPreference.trim() || null,
      });
      window.location.assign(filed.path);
    } catch (e) {
      setError((e as Error).message);
      setSending(false);
    }
  };
  if (!form) return <div className="rf-message">{error ?? '正在打开…'}</div>;
  return (
    <div className="rf-section" data-testid="rq-form">
      <h1 className="rf-header">向{form.communityName}反映诉求</h1>
      <p className="rf-hint">社区会在时限内联系您。提交后请收藏进度页面，随时查看办理情况。</p>
      <label className="rf-field">
        <span className="rf-label">姓名</span>
        <input
          className="rf-input"
          value={fields.name}
          onChange={set('name')}
          maxLength={50}
          data-testid="rq-name"
        />
      </label>
      <label className="rf-field">
        <span className="rf-label">手机号</span>
        <input
          className="rf-input"
          value={fields.phone}
          onChange={set('phone')}
          inputMode="tel"
          maxLength={20}
          data-testid="rq-phone"
        />
      </label>
      <label className="rf-field">
        <span className="rf-label">类别</span>
        <select
          className="rf-input"
          value={fields.categoryId}
          onChange={set('categoryId')}
          data-testid="rq-category"
        >
          <option value={0}>请选择</option>
          {form.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="rf-field">
        <span className="rf-label">诉求内容</span>
        <textarea
          className="rf-textarea"
          value={fields.text}
          onChange={set('text')}
          maxLength={1000}
          rows={5}
          data-testid="rq-text"
        />
      </label>
      <label className="rf-field">
        <span className="rf-label">
          方便联系的时间 <span className="rf-optional">（选填）</span>
        </span>
        <input
          className="rf-input"
          value={fields.contactPreference}
          onChange={set('contactPreference')}
          maxLength={100}
        />
      </label>
      {error && <p className="rf-top-error">{error}</p>}
      <button type="button" className="rf-submit" disabled={sending} onClick={submit} data-testid="rq-submit">
        {sending ? '正在提交…' : '提交'}
      </button>
    </div>
  );
}

/** The resident's own request: where it stands (refreshed every 30 s), and their rating once it is done. */
export function RequestProgressPage({ token }: { token: string }) {
  const [request, setRequest] = useState<PublicRequest | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [resolved, setResolved] = useState(true);
  const [satisfaction, setSatisfaction] = useState<Satisfaction>('satisfied');
  const load = useCallback(
    () =>
      call<PublicRequestAnswer>('GET', `/api/public/requests/${token}`).then(
        (a) => setRequest(a.request),
        (e: Error) => setError(e.message),
      ),
    [token],
  );
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 30_000);
    return () => clearInterval(timer);
  }, [load]);
  const rate = async () => {
    try {
      const a = await call<PublicRequestAnswer>('POST', `/api/public/requests/${token}/rating`, {
        resolved,
        satisfaction,
      });
      setRequest(a.request);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  if (!request) return <div className="rf-message">{error ?? '正在打开…'}</div>;
  const done = ['resolved', 'unresolved', 'closed'].includes(request.status);
  return (
    <div className="rf-section" data-testid="rq-progress">
      <h1 className="rf-header">我的诉求 · {request.communityName}</h1>
      <p className="rf-status" data-testid="rq-status">
        {REQUEST_STATUS_LABELS[request.status].zh}
      </p>
      <p>
        {request.categoryName}：{request.text}
      </p>
      <p className="rf-hint">办结时限：{formatBeijingDateTime(new Date(request.resolveDeadline))}</p>
      {request.explanation && <p className="rf-notice">社区说明：{request.explanation}</p>}
      <ol data-testid="rq-steps">
        {request.steps.map((s) => (
          <li key={`${s.kind}-${s.at}`}>
            {formatBeijingDateTime(new Date(s.at))} {s.label}
          </li>
        ))}
      </ol>
      {done && !request.rated && (
        <div className="rf-section" data-testid="rq-rate">
          <p className="rf-label">您的诉求解决了吗？</p>
          <div className="rf-choices">
            <button
              type="button"
              className="rf-choice"
              aria-pressed={resolved}
              onClick={() => setResolved(true)}
            >
              已解决
            </button>
            <button
              type="button"
              className="rf-choice"
              aria-pressed={!resolved}
              onClick={() => setResolved(false)}
            >
              没解决
            </button>
          </div>
          <p className="rf-label">您满意吗？</p>
          <div className="rf-choices">
            {SATISFACTIONS.map((s) => (
              <button
                key={s}
                type="button"
                className="rf-choice"
                aria-pressed={satisfaction === s}
                onClick={() => setSatisfaction(s)}
                data-testid={`rq-sat-${s}`}
              >
                {SATISFACTION_LABELS[s].zh}
              </button>
            ))}
          </div>
          <button type="button" className="rf-submit" onClick={rate} data-testid="rq-rate-submit">
            提交评价
          </button>
        </div>
      )}
      {request.rated && request.satisfaction && (
        <p className="rf-notice" data-testid="rq-rated">
          感谢评价：{SATISFACTION_LABELS[request.satisfaction].zh}
        </p>
      )}
      {error && <p className="rf-top-error">{error}</p>}
    </div>
  );
}
