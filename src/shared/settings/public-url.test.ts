import { describe, expect, it } from 'vitest';
import { checkPublicUrl, isLocalAddress, publicLink } from './public-url';

describe('checkPublicUrl', () => {
  it('takes http(s) addresses and normalises them', () => {
    expect(checkPublicUrl(' https://dashu.example.org/ ')).toEqual({
      ok: true,
      url: 'https://dashu.example.org',
    });
    expect(checkPublicUrl('http://10.0.0.5:8080/dashu/')).toEqual({
      ok: true,
      url: 'http://10.0.0.5:8080/dashu',
    });
    expect(checkPublicUrl('HTTPS://Example.ORG')).toEqual({ ok: true, url: 'https://example.org' });
  });
  it('refuses what is not an http(s) address, or carries a query, fragment or password', () => {
    expect(checkPublicUrl('dashu.example.org')).toEqual({ ok: false, reason: 'not_url' });
    expect(checkPublicUrl('')).toEqual({ ok: false, reason: 'not_url' });
    expect(checkPublicUrl('ftp://example.org')).toEqual({ ok: false, reason: 'not_http' });
    expect(checkPublicUrl('javascript:alert(1)')).toEqual({ ok: false, reason: 'not_http' });
    expect(checkPublicUrl('https://example.org/?a=1')).toEqual({ ok: false, reason: 'has_extra' });
    expect(checkPublicUrl('https://example.org/#x')).toEqual({ ok: false, reason: 'has_extra' });
    expect(checkPublicUrl('https://u:p@example.org')).toEqual({ ok: false, reason: 'has_extra' });
  });
});

describe('isLocalAddress', () => {
  it.each([
    'http://localhost:8080',
    'http://127.0.0.1',
    'http://127.8.9.1:3000',
    'http://10.1.2.3',
    'http://192.168.1.20:8080',
    'http://172.16.0.1',
    'http://172.31.255.255',
    'http://169.254.1.1',
    'http://dashu.local',
    'http://[::1]:8080',
    'http://[fd12:3456::1]',
    'http://0.0.0.0:8080',
  ])('%s is local or private', (url) => expect(isLocalAddress(url)).toBe(true));
  it.each([
    'https://dashu.example.org',
    'http://172.15.0.1',
    'http://172.32.0.1',
    'http://192.169.1.1',
    'http://11.0.0.1',
    'https://localhost.example.org',
    'https://8.8.8.8',
  ])('%s is public', (url) => expect(isLocalAddress(url)).toBe(false));
});

describe('publicLink', () => {
  it('joins the base and the path with one slash', () => {
    expect(publicLink('https://a.org/', '/r/p/x')).toBe('https://a.org/r/p/x');
    expect(publicLink('https://a.org/sub', 'gate/')).toBe('https://a.org/sub/gate/');
  });
});
