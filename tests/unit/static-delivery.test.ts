import { describe, expect, test } from 'vitest';
import { cacheControlFor, chooseEncoding, staticFileFor, type StaticFile } from '../../src/server/entry/static-delivery.mjs';

const file = (encoded: StaticFile['encoded'] = {}): StaticFile => ({ file: '/x', type: 'text/html', size: 10, etag: '"a"', modified: '', encoded });
const both = file({ br: { file: '/x.br', size: 3 }, gzip: { file: '/x.gz', size: 4 } });

describe('choosing an encoding', () => {
  test('brotli first, then gzip, as the browser allows', () => {
    expect(chooseEncoding('gzip, deflate, br', both)).toBe('br');
    expect(chooseEncoding('gzip', both)).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.5', both)).toBe('gzip');
    expect(chooseEncoding('*', both)).toBe('br');
    expect(chooseEncoding('identity', both)).toBeUndefined();
    expect(chooseEncoding(undefined, both)).toBeUndefined();
  });

  test('never an encoding the file has no copy in', () => {
    expect(chooseEncoding('br, gzip', file())).toBeUndefined();
    expect(chooseEncoding('br', file({ gzip: { file: '/x.gz', size: 4 } }))).toBeUndefined();
  });
});

describe('finding a file for a path', () => {
  const files = new Map([
    ['/index.html', file()],
    ['/steps/a/index.html', file()],
    ['/app.js', file()],
  ]);
  test('with or without the trailing slash', () => {
    expect(staticFileFor(files, '/')).toBe(files.get('/index.html'));
    expect(staticFileFor(files, '/steps/a/')).toBe(files.get('/steps/a/index.html'));
    expect(staticFileFor(files, '/steps/a')).toBe(files.get('/steps/a/index.html'));
    expect(staticFileFor(files, '/app.js')).toBe(files.get('/app.js'));
  });
  test('nothing for unknown paths, parent segments or NUL bytes', () => {
    expect(staticFileFor(files, '/steps/b/')).toBeUndefined();
    expect(staticFileFor(files, '/steps/../app.js')).toBeUndefined();
    expect(staticFileFor(files, '/app.js\0')).toBeUndefined();
  });
});

test('hashed assets are kept for a year, everything else revalidated', () => {
  expect(cacheControlFor('/_astro/chunk.abc123.js')).toContain('immutable');
  expect(cacheControlFor('/quizzes/take-time.aB3-x_9QzK.json')).toContain('immutable');
  expect(cacheControlFor('/steps/a/')).toBe('public, max-age=0, must-revalidate');
  expect(cacheControlFor('/pagefind/pagefind.js')).toBe('public, max-age=0, must-revalidate');
});
