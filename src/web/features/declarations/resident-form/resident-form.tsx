import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { newPhoneId } from '../../../shared/phone-id';
import { AddressSection } from './address-section';
import { ConsentSection } from './consent-section';
import { ExtraSection } from './extra-section';
import { buildBody, type FormState, nextPersonState } from './form-state';
import {
  extraErrors,
  extraFieldFromServer,
  FIELD_ORDER,
  type FieldErrors,
  type FieldKey,
  fieldFromServer,
  validateForm,
} from './form-validation';
import { ContactSection, HealthSection } from './health-section';
import { CompanionsSection, HomeSection } from './home-section';
import { IdentitySection } from './identity-section';
import { ReceiptView } from './receipt-view';
import { type PosterInfo, PublicApiError, type Receipt, submitDeclaration } from './resident-form-api';
import { TravelSection } from './travel-section';
import { useDraft } from './use-draft';

const receiptKey = (token: string) => `dashu.rf.receipt.${token}`;

function storedReceipt(token: string): Receipt | null {
  try {
    const raw = window.sessionStorage.getItem(receiptKey(token));
    return raw ? (JSON.parse(raw) as Receipt) : null;
  } catch {
    return null;
  }
}

/** `field` is a core field, `extra-q3` for an officer's question, or 'top'. */
function scrollToField(field: FieldKey | `extra-${string}` | 'top'): void {
  const target = field === 'top' ? document.body : document.getElementById(`rf-field-${field}`);
  target?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  const input = target?.querySelector<HTMLElement>('input, select, textarea, button');
  input?.focus({ preventScroll: true });
}

/** The form itself, then the receipt once the server has answered. */
export function ResidentForm({ token, info }: { token: string; info: PosterInfo }) {
  const { state, update, clear, restart, restored, flush } = useDraft(token);
  const [touched, setTouched] = useState<ReadonlySet<FieldKey>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [sending, setSending] = useState(false);
  const [topError, setTopError] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [serverExtraErrors, setServerExtraErrors] = useState<Record<string, string>>({});
  const [receipt, setReceipt] = useState<Receipt | null>(() => storedReceipt(token));
  const { buildings, form } = info;

  // A poster on one building's door: that building is already chosen.
  useEffect(() => {
    const only = buildings.length === 1 ? buildings[0] : undefined;
    if (only && !state.buildingId && !state.newcomer) {
      const entrance = only.entrances.length === 1 ? String(only.entrances[0]?.id ?? '') : '';
      update({ buildingId: String(only.id), entranceId: entrance });
    }
  }, [buildings, state.buildingId, state.newcomer, update]);

  // Sending again what was sent keeps its client id (the server answers the first receipt if the first
  // did arrive); once the resident changes anything after a send, it is a new submit with a new id.
  const sent = useRef(false);
  const edit = useCallback(
    (patch: Partial<FormState>) => {
      update(sent.current ? { ...patch, clientId: newPhoneId() } : patch);
      sent.current = false;
      setServerErrors({});
      setServerExtraErrors({});
    },
    [update],
  );
  const touch = useCallback(
    (field: FieldKey) => setTouched((t) => (t.has(field) ? t : new Set(t).add(field))),
    [],
  );

  const errors = useMemo(() => validateForm(state, buildings), [state, buildings]);
  const extraErrs = useMemo(() => extraErrors(state, form.questions), [state, form.questions]);
  const visibleExtra = submitted ? { ...extraErrs, ...serverExtraErrors } : serverExtraErrors;
  const visible = useMemo(() => {
    const shown: FieldErrors = {};
    for (const field of FIELD_ORDER) if (submitted || touched.has(field)) shown[field] = errors[field];
    return { ...shown, ...serverErrors };
  }, [errors, serverErrors, submitted, touched]);

  const submit = async () => {
    if (sending) return;
    setSubmitted(true);
    setTopError(null);
    const first = FIELD_ORDER.find((field) => errors[field]);
    if (first) {
      scrollToField(first);
      return;
    }
    const firstExtra = form.questions.find((q) => extraErrs[q.key]);
    if (firstExtra) {
      scrollToField(`extra-${firstExtra.key}`);
      return;
    }
    setSending(true);
    sent.current = true;
    try {
      const result = await submitDeclaration(buildBody(state, token, undefined, form));
      clear();
      try {
        window.sessionStorage.setItem(receiptKey(token), JSON.stringify(result));
      } catch {
        // Only used to show the receipt again after a reload.
      }
      setReceipt(result);
      window.scrollTo(0, 0);
    } catch (error) {
      flush();
      const failure =
        error instanceof PublicApiError ? error : new PublicApiError(0, 'internal', '提交失败，请稍后再试');
      setTopError(failure.message);
      const field = fieldFromServer(failure.field);
      const extraKey = extraFieldFromServer(failure.field);
      if (field) {
        setServerErrors({ [field]: failure.message });
        scrollToField(field);
      } else if (extraKey) {
        setServerExtraErrors({ [extraKey]: failure.message });
        scrollToField(`extra-${extraKey}`);
      } else scrollToField('top');
    } finally {
      setSending(false);
    }
  };

  if (receipt)
    return (
      <ReceiptView
        receipt={receipt}
        onAnother={() => {
          try {
            window.sessionStorage.removeItem(receiptKey(token));
          } catch {
            // Nothing stored.
          }
          restart(nextPersonState(state));
          setSubmitted(false);
          setTouched(new Set());
          setTopError(null);
          setReceipt(null);
          window.scrollTo(0, 0);
        }}
      />
    );

  const left = state.leftCity === 'yes';
  const props = { state, update: edit, errors: visible, touch };
  const missing = submitted ? FIELD_ORDER.filter((f) => errors[f]).length + Object.keys(extraErrs).length : 0;
  // Sections are numbered as they appear; the officers' questions come just before the consent.
  const companionsIndex = left ? 7 : 6;
  const extraIndex = companionsIndex + 1;
  const consentIndex = form.questions.length > 0 ? extraIndex + 1 : extraIndex;
  return (
    <form
      className="rf-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <header className="rf-header">
        <h1>电子登记表</h1>
        <p>
          {info.poster.communityName}
          {info.poster.placeName ? ` · ${info.poster.placeName}` : ''}
        </p>
        {restored ? <p className="rf-restored">已恢复您上次没提交的内容</p> : null}
      </header>
      {topError ? (
        <div className="rf-top-error" data-testid="rf-error" role="alert">
          {topError}
        </div>
      ) : null}
      <IdentitySection {...props} />
      <AddressSection {...props} buildings={buildings} />
      <TravelSection {...props} />
      <ContactSection {...props} />
      <HealthSection {...props} />
      {left ? <HomeSection {...props} index={6} /> : null}
      <CompanionsSection {...props} index={companionsIndex} />
      <ExtraSection
        questions={form.questions}
        extra={state.extra}
        onChange={(extra) => edit({ extra })}
        errors={visibleExtra}
        index={extraIndex}
      />
      <ConsentSection {...props} index={consentIndex} communityName={info.poster.communityName} />
      {missing > 0 ? (
        <p className="rf-summary" data-testid="rf-error-summary">
          还有 {missing} 项需要填写或修改，请看标红的地方
        </p>
      ) : null}
      <button type="submit" className="rf-submit" data-testid="rf-submit" disabled={sending}>
        {sending ? '正在提交…' : '提交'}
      </button>
    </form>
  );
}
