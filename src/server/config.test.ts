import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const load = (env: Record<string, string>) =>
  loadConfig({ DASHU_DATA_DIR: '/tmp/dashu-config-test', ...env });

describe('DASHU_TRUST_PROXY', () => {
  it('trusts no proxy unless told', () => {
    expect(load({}).trustProxy).toBe(false);
    expect(load({ DASHU_TRUST_PROXY: '' }).trustProxy).toBe(false);
    expect(load({ DASHU_TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(load({ DASHU_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
  });

  it('takes true, a number of hops, or a list of addresses and CIDRs', () => {
    expect(load({ DASHU_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(load({ DASHU_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(load({ DASHU_TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,::1,fd00::/8,loopback' }).trustProxy).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('stops the start with the variable named on a bad value', () => {
    for (const bad of ['yes please', '10.0.0.300', '10.0.0.0/33', 'nginx', '99', '10.0.0.1,']) {
      expect(() => load({ DASHU_TRUST_PROXY: bad })).toThrow(ConfigError);
      expect(() => load({ DASHU_TRUST_PROXY: bad })).toThrow(/DASHU_TRUST_PROXY/);
    }
  });
});

describe('DASHU_PUBLIC_ORIGIN', () => {
  it('keeps origins only', () => {
    expect(
      load({ DASHU_PUBLIC_ORIGIN: 'https://dashu.example.org, http://10.1.2.3:8080' }).publicOrigins,
    ).toEqual(['https://dashu.example.org', 'http://10.1.2.3:8080']);
    expect(() => load({ DASHU_PUBLIC_ORIGIN: 'https://dashu.example.org/admin' })).toThrow(
      /DASHU_PUBLIC_ORIGIN/,
    );
    expect(() => load({ DASHU_PUBLIC_ORIGIN: 'dashu.example.org' })).toThrow(/DASHU_PUBLIC_ORIGIN/);
  });
});
