// @ts-check
/**
 * The environment every build of the site runs with: `npm run build` (package.json repeats it in its script, and
 * tests/unit/build-env.test.ts checks that it does), `npm start`, the tests' build and the build bench.
 *
 * MIMALLOC_PURGE_DELAY=0: the bundler's allocator (mimalloc) hands freed memory back to the system at once instead
 * of keeping it for a while. The bundler frees about 500 MB it never needs again during a build, so at 1,000
 * articles (measured when they were MDX) the build's peak went from about 1,550 to 1,200–1,370 MB (it varies from run
 * to run), for a few % more build time. The bundler's mimalloc reads it when it loads, before astro.config.mjs runs,
 * so it cannot be set there.
 */
export const BUILD_ENV = { ASTRO_TELEMETRY_DISABLED: '1', MIMALLOC_PURGE_DELAY: '0' };
