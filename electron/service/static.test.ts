import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from './static.ts';

const root = path.resolve('/srv/renderer');

describe('resolveStaticPath', () => {
  it('maps assets into the root and client routes to index.html', () => {
    expect(resolveStaticPath(root, '/assets/index-abc.js')).toBe(path.join(root, 'assets/index-abc.js'));
    expect(resolveStaticPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, '/substances')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, '/%E7%89%A9%E8%B4%A8.json')).toBe(path.join(root, '物质.json'));
  });

  it('refuses every way out of the root', () => {
    for (const urlPath of [
      '/../etc/passwd.txt',
      '/assets/../../etc/passwd.txt',
      '/%2e%2e/%2e%2e/etc/passwd.txt',
      '/assets/..%2f..%2fetc/passwd.txt',
      '/..%5c..%5cwindows.ini',
      '/a%00.js',
      '/%E0%A4%A',
      'relative.js',
    ]) {
      expect(resolveStaticPath(root, urlPath), urlPath).toBeNull();
    }
  });
});
