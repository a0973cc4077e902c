import { checkPublicUrl, type PublicUrlSetting } from '../../../shared/settings/public-url';
import type { Db } from '../../db/database';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import type { AuditService } from '../audit/audit.service';
import { readSetting, writeSetting } from './settings.repo';

const PUBLIC_URL = 'public_url';

/**
 * The public address QR codes and links are built on: the console's value (stored in the database, so
 * every instance agrees) wins over DASHU_PUBLIC_URL; with neither, the browser falls back to its own.
 */
export function createSettingsService(db: Db, audit: AuditService, environmentUrl: string | null) {
  async function publicUrl(): Promise<PublicUrlSetting> {
    const stored = await readSetting(db, PUBLIC_URL);
    if (stored) return { url: stored, source: 'database', environmentUrl };
    return { url: environmentUrl, source: environmentUrl ? 'environment' : null, environmentUrl };
  }

  return {
    publicUrl,

    /** `null` clears the console's value (the environment's applies again). */
    async setPublicUrl(actor: Actor, value: string | null): Promise<PublicUrlSetting> {
      let url: string | null = null;
      if (value !== null && value.trim() !== '') {
        const checked = checkPublicUrl(value);
        if (!checked.ok) throw new AppError('invalid_public_url', {}, 'url');
        url = checked.url;
      }
      const before = await readSetting(db, PUBLIC_URL);
      await db.transaction(async (tx) => {
        await writeSetting(tx, PUBLIC_URL, url, actor.accountId);
        await audit.record(
          actor,
          { action: 'setting_change', entity: 'setting', detail: { key: PUBLIC_URL, from: before, to: url } },
          tx,
        );
      });
      return publicUrl();
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
