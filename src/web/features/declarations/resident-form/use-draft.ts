import { useCallback, useEffect, useRef, useState } from 'react';
import { emptyState, type FormState, parseDraft, serializeDraft } from './form-state';

const draftKey = (token: string) => `dashu.rf.draft.${token}`;

function readDraft(token: string): FormState | null {
  try {
    return parseDraft(window.localStorage.getItem(draftKey(token)));
  } catch {
    return null; // Private mode or storage switched off: the form still works, just without drafts.
  }
}

export function writeDraft(token: string, state: FormState): void {
  try {
    window.localStorage.setItem(draftKey(token), serializeDraft(state));
  } catch {
    // Storage full or unavailable: nothing to do.
  }
}

function removeDraft(token: string): void {
  try {
    window.localStorage.removeItem(draftKey(token));
  } catch {
    // As above.
  }
}

/**
 * The form's state, saved on the phone as the resident types (per poster), restored on reload and
 * removed once the declaration is in. `restored` says whether a draft was found at start.
 */
export function useDraft(token: string) {
  const [initial] = useState(() => readDraft(token));
  const [state, setState] = useState<FormState>(() => initial ?? emptyState());
  const latest = useRef(state);
  const saving = useRef(true);
  latest.current = state;

  useEffect(() => {
    if (!saving.current) return;
    const timer = window.setTimeout(() => writeDraft(token, state), 250);
    return () => window.clearTimeout(timer);
  }, [token, state]);

  // Phones kill background tabs: write at once when the page is hidden.
  useEffect(() => {
    const flush = () => {
      if (saving.current && document.visibilityState === 'hidden') writeDraft(token, latest.current);
    };
    document.addEventListener('visibilitychange', flush);
    return () => document.removeEventListener('visibilitychange', flush);
  }, [token]);

  const update = useCallback((patch: Partial<FormState>) => setState((s) => ({ ...s, ...patch })), []);

  const clear = useCallback(() => {
    removeDraft(token);
    saving.current = false;
  }, [token]);

  const restart = useCallback((next: FormState) => {
    saving.current = true;
    setState(next);
  }, []);

  return {
    state,
    update,
    clear,
    restart,
    restored: initial !== null,
    flush: () => writeDraft(token, latest.current),
  };
}
