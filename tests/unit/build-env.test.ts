import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILD_ENV } from '../../scripts/build-env.mjs';

describe('the build environment', () => {
  it('is what `npm run build` sets too, since package.json cannot import it', () => {
    const { scripts } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    const assignments = scripts['build']!.split(' astro build')[0]!.split(' ');
    expect(Object.fromEntries(assignments.map((assignment) => assignment.split('=') as [string, string]))).toEqual(BUILD_ENV);
    expect(scripts['build']).toMatch(/ astro build$/);
  });

  it('is given to the build by `npm start` and by the tests', () => {
    for (const file of ['../../scripts/start.mjs', '../support/build.ts', '../support/scale-site.ts']) {
      expect(readFileSync(new URL(file, import.meta.url), 'utf8'), file).toContain('...BUILD_ENV');
    }
  });
});
