import { createPrivateKey, sign } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { decodePayload, encodePayload, joinToken, readToken, splitToken } from '../src/shared/access';
import { nobleCheck } from '../src/shared/access/verify-noble';
import { addDays, beijingToday } from '../src/shared/time/beijing';
import { apiAs } from './api';
import { launchBrowser, setSignal } from './browser';

let browser: Browser;
const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const shots = path.resolve('.e2e-artifacts');

beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

interface Pass {
  id: number;
  number: number;
  status: string;
  validUntil: string;
  buildingName: string;
  room: string;
  holderName: string | null;
}

async function publicKeys() {
  const res = await fetch(`${baseUrl}/api/access/keys`);
  const { keys } = (await res.json()) as { keys: Array<{ kid: number; key: string }> };
  return new Map(keys.map((k) => [k.kid, new Uint8Array(Buffer.from(k.key, 'base64url'))]));
}

/** The token of a pass, as printed: read from the print endpoint (which also audits the print). */
async function tokensOf(secretary: Awaited<ReturnType<typeof apiAs>>, compoundId: number) {
  const sheet = await secretary.get<{ items: Array<{ number: number; token: string }> }>(
    `/access/passes/print?compoundId=${compoundId}&limit=200`,
  );
  return new Map(sheet.items.map((i) => [i.number, i.token]));
}

/** A pass printed long ago that ran out yesterday: signed with the server's own key file. */
function expiredTokenLike(token: string): string {
  const payload = decodePayload(splitToken(token)?.payload as Uint8Array);
  if (!payload) throw new Error('bad token');
  const dir = path.join(dataDir, 'pass-keys');
  const pem = readdirSync(dir).find((f) => f.endsWith('.pem')) as string;
  const kid = Number(/(\d+)/.exec(pem)?.[1]);
  const yesterday = addDays(beijingToday(), -1);
  const bytes = encodePayload({ ...payload, kid, validUntil: yesterday });
  return joinToken(
    bytes,
    new Uint8Array(sign(null, bytes, createPrivateKey(readFileSync(path.join(dir, pem))))),
  );
}

async function typeAndCheck(page: Page, text: string) {
  await page.getByTestId('g-input').fill(text);
  await page.getByTestId('g-check').click();
  return page.getByTestId('g-verdict').getAttribute('data-verdict');
}

describe('closed-compound access', () => {
  let compoundId: number;
  let passes: Pass[];
  let tokens: Map<number, string>;

  beforeAll(async () => {
    const secretary = await apiAs(baseUrl, 'gongyun');
    const compounds = await secretary.get<{ items: Array<{ id: number; name: string }> }>(
      '/access/compounds',
    );
    compoundId = compounds.items.find((c) => c.name === '43号院')?.id as number;
    passes = (
      await secretary.get<{ items: Pass[] }>(
        `/access/passes?compoundId=${compoundId}&status=active&pageSize=10`,
      )
    ).items;
    tokens = await tokensOf(secretary, compoundId);
    await secretary.post(`/access/passes/${passes[1]?.id}/revoke`, { reason: '丢失补办' });
  });

  it('prints 100 passes on A4 sheets whose QR codes scan and verify', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'zh-CN' });
    await context.request.post(`${baseUrl}/api/auth/login`, {
      data: { username: 'gongyun', password: 'dashu-demo' },
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/admin/access/print?compoundId=${compoundId}&limit=100`);
    await page.locator('[data-testid="pass-sheets"][data-ready="true"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('pass-card').count()).toBe(100);
    expect(await page.getByTestId('pass-sheet').count()).toBe(13);
    await page
      .getByTestId('pass-sheet')
      .first()
      .screenshot({ path: path.join(shots, 'access-print-sheet.png') });
    const keys = await publicKeys();
    for (const index of [0, 1, 7, 13, 42, 55, 77, 99]) {
      const png = PNG.sync.read(await page.getByTestId('pass-card').nth(index).locator('svg').screenshot());
      const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
      expect(code?.data).toBeTruthy();
      const payload = await readToken(code?.data as string, keys, nobleCheck);
      expect(payload?.compoundId).toBe(compoundId);
    }
    // Masked names only: no three-character name appears whole on a card.
    const names = await page.locator('.pass-text div:nth-child(4)').allTextContents();
    expect(names.filter((n) => n).every((n) => n.includes('*'))).toBe(true);
    await context.close();
  });

  it('the gate app gives valid, revoked and expired verdicts, and sends offline checks exactly once', async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const page = await phone.newPage();
    await page.goto(`${baseUrl}/gate/`);
    await page.getByTestId('g-username').fill('gy-gate1');
    await page.getByTestId('g-password').fill('dashu-demo');
    await page.getByTestId('g-login').click();
    await page.getByRole('button', { name: /43号院大门/ }).click();
    await expect.poll(() => page.getByTestId('g-lists-at').textContent()).not.toContain('—');

    const valid = tokens.get(passes[0]?.number as number) as string;
    const revoked = tokens.get(passes[1]?.number as number) as string;
    expect(await typeAndCheck(page, valid)).toBe('valid');
    await page.getByTestId('g-temperature').fill('36.4');
    await page.screenshot({ path: path.join(shots, 'access-gate-valid.png') });
    await page.getByTestId('g-save').click();
    expect(await typeAndCheck(page, revoked)).toBe('revoked');
    await page.screenshot({ path: path.join(shots, 'access-gate-revoked.png') });
    await page.getByTestId('g-save').click();
    expect(await typeAndCheck(page, expiredTokenLike(valid))).toBe('expired');
    await page.getByTestId('g-save').click();
    // All three saved and answered by the server (the recent list says 已上传 for each).
    const recent = page.getByTestId('g-recent').locator('li');
    await expect.poll(() => recent.count()).toBe(3);
    await expect
      .poll(async () => (await recent.allTextContents()).every((t) => t.includes('已上传')))
      .toBe(true);
    await expect.poll(() => page.getByTestId('g-waiting-count').textContent()).toBe('0');

    // No signal: three checks are stored on the phone, shown as waiting to send.
    await setSignal(phone, false);
    await expect.poll(() => page.getByTestId('g-network').textContent()).toBe('离线');
    for (const pass of passes.slice(2, 5)) {
      expect(await typeAndCheck(page, tokens.get(pass.number) as string)).toBe('valid');
      await page.getByTestId('g-dir-out').click();
      await page.getByTestId('g-check').click();
      await page.getByTestId('g-save').click();
    }
    // Offline, whose pass it is comes from the list kept on the phone: masked name, door, people there.
    const shown = passes[2] as Pass;
    await page.getByTestId('g-dir-in').click();
    expect(await typeAndCheck(page, tokens.get(shown.number) as string)).toBe('valid');
    const holder = page.getByTestId('g-holder');
    expect(await holder.getByTestId('g-holder-door').textContent()).toContain(`43号院 ${shown.buildingName}`);
    expect(await holder.getByTestId('g-holder-door').textContent()).toContain(shown.room);
    if (shown.holderName) {
      expect(shown.holderName).toContain('*');
      expect(await holder.textContent()).toContain(shown.holderName);
    }
    await page.screenshot({ path: path.join(shots, 'access-gate-holder.png') });
    // A mistyped number is "not found — check the number", never "forged".
    expect(await typeAndCheck(page, '9999999')).toBe('not_found');
    expect(await page.getByTestId('g-verdict').textContent()).toContain('未找到，请核对号码');
    await page.screenshot({ path: path.join(shots, 'access-gate-not-found.png') });
    await expect.poll(() => page.getByTestId('g-waiting-count').textContent()).toBe('3');
    const uuids = await page.evaluate(async () => {
      const open = indexedDB.open('dashu-gate-queue');
      const db: IDBDatabase = await new Promise((resolve) => {
        open.onsuccess = () => resolve(open.result);
      });
      const request = db.transaction('checks').objectStore('checks').getAllKeys();
      return new Promise<string[]>((resolve) => {
        request.onsuccess = () => resolve(request.result as string[]);
      });
    });
    expect(uuids).toHaveLength(3);
    await page.screenshot({ path: path.join(shots, 'access-gate-offline.png') });

    await setSignal(phone, true);
    await expect.poll(() => page.getByTestId('g-waiting-count').textContent(), { timeout: 20_000 }).toBe('0');
    const secretary = await apiAs(baseUrl, 'gongyun');
    const log = await secretary.get<{ items: Array<{ uuid: string; offline: boolean; direction: string }> }>(
      '/access/checks?limit=1000',
    );
    const mine = log.items.filter((c) => uuids.includes(c.uuid));
    expect(mine).toHaveLength(3);
    expect(mine.every((c) => c.offline && c.direction === 'out')).toBe(true);
    // Sending the same three again (a lost answer, say) changes nothing.
    const guard = await apiAs(baseUrl, 'gy-gate1');
    const gates = await guard.get<{ items: Array<{ id: number; name: string }> }>('/gate/gates');
    const gateId = gates.items.find((g) => g.name === '43号院大门')?.id;
    const again = await guard.post<{ results: Array<{ stored: boolean }> }>('/gate/checks', {
      checks: uuids.map((uuid) => ({
        uuid,
        gateId,
        checkedAt: new Date().toISOString(),
        direction: 'out',
        passNumber: passes[2]?.number,
      })),
    });
    expect(again.results.every((r) => !r.stored)).toBe(true);
    const after = await secretary.get<{ items: Array<{ uuid: string }> }>('/access/checks?limit=1000');
    expect(after.items.filter((c) => uuids.includes(c.uuid))).toHaveLength(3);

    // A visitor: registered online, given a pass for today as a QR code on the guard's screen.
    await page.getByTestId('g-visitor').click();
    await page.getByTestId('g-v-name').fill('王来访');
    await page.getByTestId('g-v-phone').fill('13911112222');
    await page.getByTestId('g-v-reason').fill('看望父母');
    // The household visited is picked from the compound's doors (building, unit, room).
    await page.getByTestId('g-v-building').selectOption({ index: 1 });
    if ((await page.getByTestId('g-v-unit').count()) > 0)
      await page.getByTestId('g-v-unit').selectOption({ index: 1 });
    await page.getByTestId('g-v-room').selectOption({ index: 1 });
    await page.getByTestId('g-v-temperature').fill('36.5');
    await page.screenshot({ path: path.join(shots, 'access-gate-visitor-door.png'), fullPage: true });
    await page.getByTestId('g-v-save').click();
    await page.getByTestId('g-visitor-pass').locator('svg').waitFor();
    expect(await page.getByTestId('g-visitor-pass').textContent()).toContain('139****2222');
    await page.screenshot({ path: path.join(shots, 'access-gate-visitor.png') });
    await phone.close();
  });

  it('the console shows the passes and the day at the gates', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await context.request.post(`${baseUrl}/api/auth/login`, {
      data: { username: 'gongyun', password: 'dashu-demo' },
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/admin/access`);
    await page.getByTestId('access-passes').locator('tbody tr.ant-table-row').first().waitFor();
    await page.getByText('每户一张').waitFor();
    await page.screenshot({ path: path.join(shots, 'access-console-passes.png') });
    await page.getByTestId('access-view').click();
    const row = page.getByTestId('gate-view-hours').locator('tbody tr', { hasText: '43号院大门' });
    await row.waitFor();
    // Six checks were recorded at 43号院大门 above (three online, three offline).
    await expect
      .poll(async () => Number((await row.locator('td').nth(25).textContent()) ?? 0))
      .toBeGreaterThanOrEqual(6);
    await page.screenshot({ path: path.join(shots, 'access-console-gate-view.png'), fullPage: true });
    await context.close();
  });

  // Last: it changes the signing key and the compound's pass numbers.
  it('the city officer rotates the signing key (not a district); the secretary re-issues the old passes', async () => {
    // One key serves every community: a district officer does not see the button (the server says 403).
    const district = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await district.request.post(`${baseUrl}/api/auth/login`, {
      data: { username: 'haidian', password: 'dashu-demo' },
    });
    const districtPage = await district.newPage();
    await districtPage.goto(`${baseUrl}/admin/access`);
    await districtPage.getByTestId('side-menu').waitFor();
    await districtPage.getByTestId('access-passes').waitFor();
    await districtPage.waitForLoadState('networkidle');
    expect(await districtPage.getByTestId('access-rotate-key').count()).toBe(0);
    expect((await district.request.post(`${baseUrl}/api/access/keys/rotate`)).status()).toBe(403);
    await district.close();

    const officer = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await officer.request.post(`${baseUrl}/api/auth/login`, {
      data: { username: 'admin', password: 'dashu-demo' },
    });
    const page = await officer.newPage();
    await page.goto(`${baseUrl}/admin/access`);
    const card = page.getByTestId('access-signing-keys');
    await card.getByText('当前密钥：第 1 号').waitFor();
    await page.getByTestId('access-rotate-key').click();
    await page.getByRole('button', { name: '确定' }).click();
    await card.getByText('当前密钥：第 2 号').waitFor();
    await officer.close();

    const secretary = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await secretary.request.post(`${baseUrl}/api/auth/login`, {
      data: { username: 'gongyun', password: 'dashu-demo' },
    });
    const passesPage = await secretary.newPage();
    await passesPage.goto(`${baseUrl}/admin/access`);
    const table = passesPage.getByTestId('access-passes');
    await table.getByText('旧密钥').first().waitFor();
    // Old passes still open the gate until they are re-issued.
    const old = tokens.get(passes[0]?.number as number) as string;
    expect(await readToken(old, await publicKeys(), nobleCheck)).not.toBeNull();
    await passesPage.getByTestId('access-reissue-old').click();
    await passesPage.getByRole('button', { name: '确定' }).click();
    // A thousand passes re-signed and re-numbered in one transaction: give a loaded machine time.
    await passesPage.getByText(/已重新签发 \d+ 张/).waitFor({ timeout: 60_000 });
    await expect.poll(() => table.getByText('旧密钥').count()).toBe(0);
    const api = await apiAs(baseUrl, 'gongyun');
    const fresh = await tokensOf(api, compoundId);
    const kids = [...fresh.values()].map((t) => decodePayload(splitToken(t)?.payload as Uint8Array)?.kid);
    expect(new Set(kids)).toEqual(new Set([2]));
    await passesPage.screenshot({ path: path.join(shots, 'access-console-keys.png'), fullPage: true });
    await secretary.close();
  });
});
