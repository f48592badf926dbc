import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../shared/contract.ts';
import { base64ToBytes, bytesToBase64 } from './base64.ts';
import { BrowserRecentProjects, RECENT_TEXT_LIMIT } from './recent.ts';

/** A Storage stand-in (vitest runs in Node, without localStorage). */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('BrowserRecentProjects (web mode)', () => {
  it('keeps the newest first, one entry per name, at most the limit, and reopens the kept text', () => {
    let clock = 0;
    const recent = new BrowserRecentProjects(memoryStorage(), () => `t${++clock}`);
    recent.remember({ fileName: 'a.json', text: 'A1' });
    recent.remember({ fileName: 'b.sdp', text: 'B' });
    recent.remember({ fileName: 'a.json', text: 'A2' });
    const list = recent.list();
    expect(list.map((e) => [e.fileName, e.at])).toEqual([
      ['a.json', 't3'],
      ['b.sdp', 't2'],
    ]);
    expect(recent.get(list[0]!.id)).toEqual({ fileName: 'a.json', text: 'A2' });
    for (let k = 0; k < 2 * LIMITS.recentProjects; k++) recent.remember({ fileName: `${k}.json`, text: '' });
    expect(recent.list()).toHaveLength(LIMITS.recentProjects);
    expect(() => recent.get('no-such-id')).toThrow('no longer in the recent list');
  });

  it('does not keep texts too large for the browser storage, and survives damaged storage', () => {
    const storage = memoryStorage();
    const recent = new BrowserRecentProjects(storage);
    recent.remember({ fileName: 'big.json', text: 'x'.repeat(RECENT_TEXT_LIMIT + 1) });
    expect(recent.list()).toEqual([]);
    storage.setItem('safedist.recentProjects', '{not json');
    expect(recent.list()).toEqual([]);
    storage.setItem('safedist.recentProjects', JSON.stringify([{ id: 1 }, 'x']));
    expect(recent.list()).toEqual([]);
  });
});

describe('base64', () => {
  it('encodes RFC 4648 test vectors and round-trips bytes past one chunk', () => {
    // RFC 4648 §10 test vectors.
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [text, encoded] of vectors) {
      expect(bytesToBase64(new TextEncoder().encode(text))).toBe(encoded);
    }
    const bytes = Uint8Array.from({ length: 100_000 }, (_, k) => (k * 31) & 0xff);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
  });
});
