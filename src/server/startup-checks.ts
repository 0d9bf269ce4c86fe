/** Settings that work but leave a door open: said once, at start-up, with what to do about them. */
import type { CommentsConfig } from './config.ts';

/** How to make a token nobody can guess, for the warning. */
const MAKE_A_TOKEN =
  "make a strong one with `openssl rand -base64 32` or `node -e \"console.log(crypto.randomBytes(32).toString('base64url'))\"`";

/** Fewest characters and different characters of a token that does not look weak. */
const STRONG_TOKEN_LENGTH = 24;
const STRONG_TOKEN_VARIETY = 12;

/**
 * True when a token looks guessable: short, made of few different characters, or of one kind only (all
 * lower-case letters, all digits …). A random token from the commands above passes easily.
 */
export function looksWeak(token: string): boolean {
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((kind) => kind.test(token)).length;
  return token.length < STRONG_TOKEN_LENGTH || new Set(token).size < STRONG_TOKEN_VARIETY || kinds < 2;
}

/** Warnings about the settings, for the log; `production` is true in the built server. */
export function startupWarnings(
  config: Pick<CommentsConfig, 'adminToken' | 'siteOrigin'>,
  production: boolean,
): string[] {
  const warnings: string[] = [];
  if (config.adminToken !== null && looksWeak(config.adminToken)) {
    warnings.push(
      `ADMIN_TOKEN looks weak (shorter than ${STRONG_TOKEN_LENGTH} characters, or few different characters); ${MAKE_A_TOKEN}`,
    );
  }
  if (production && config.siteOrigin === null) {
    warnings.push(
      'SITE_URL is not set: the Origin check of comment writes trusts the Host header each request brings. ' +
        'Set SITE_URL to the public address of the site, e.g. SITE_URL=https://example.org',
    );
  }
  return warnings;
}
