import { checkRateWeights, compositeFormula, RATE_WEIGHTS, type RateWeights } from '../../../shared/requests';
import type { Db, DbOrTx } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { AuditService } from '../audit/audit.service';
import { isRootScope } from '../auth/scope';
import { readSetting, writeSetting } from '../settings/settings.repo';

const KEY = 'request_rate_weights';

/**
 * The weights of the rates (basically satisfied, the composite's 30/35/35), a setting: in the settings
 * table, so every instance computes the same figures, and read on every computation (one row by its key),
 * so a change shows at once. A stored value that no longer passes the check falls back to the defaults.
 */
export async function readRateWeights(db: DbOrTx): Promise<RateWeights> {
  const stored = await readSetting(db, KEY);
  if (!stored) return { ...RATE_WEIGHTS };
  try {
    const parsed = JSON.parse(stored) as RateWeights;
    const weights = {
      basicSatisfied: Number(parsed.basicSatisfied),
      response: Number(parsed.response),
      resolution: Number(parsed.resolution),
      satisfaction: Number(parsed.satisfaction),
    };
    return checkRateWeights(weights).ok ? weights : { ...RATE_WEIGHTS };
  } catch {
    return { ...RATE_WEIGHTS };
  }
}

const answer = (weights: RateWeights) => ({
  weights,
  defaults: { ...RATE_WEIGHTS },
  formula: compositeFormula(weights),
});

export function createRequestWeights(db: Db, audit: AuditService) {
  return {
    async rateWeights() {
      return answer(await readRateWeights(db));
    },

    /** Like the time limits, the same for every community: only an officer at the top of the tree sets them. */
    async setRateWeights(actor: Actor, input: RateWeights) {
      if (!isRootScope(actor.scope)) throw new AppError('forbidden');
      const weights = {
        basicSatisfied: input.basicSatisfied,
        response: input.response,
        resolution: input.resolution,
        satisfaction: input.satisfaction,
      };
      const checked = checkRateWeights(weights);
      if (!checked.ok) throw new AppError('validation_failed', { detail: checked.detail }, checked.field);
      const before = await readRateWeights(db);
      await db.transaction(async (tx) => {
        await writeSetting(tx, KEY, JSON.stringify(weights), actor.accountId);
        await audit.record(
          actor,
          { action: 'setting_change', entity: 'setting', detail: { key: KEY, from: before, to: weights } },
          tx,
        );
      });
      return answer(weights);
    },
  };
}
