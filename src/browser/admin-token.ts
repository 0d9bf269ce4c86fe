/**
 * The owner's admin token in this tab's sessionStorage only (gone when the tab closes), shared by the admin pages
 * so that opening one opens the others.
 */
const ADMIN_TOKEN_KEY = 'back-together:admin-token';

/** The stored token, or '' when there is none or storage is blocked. */
export function readAdminToken(): string {
  try {
    return sessionStorage.getItem(ADMIN_TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

/** Keeps the token for this tab; '' forgets it. */
export function saveAdminToken(token: string): void {
  try {
    if (token === '') sessionStorage.removeItem(ADMIN_TOKEN_KEY);
    else sessionStorage.setItem(ADMIN_TOKEN_KEY, token);
  } catch {
    // Storage blocked: the token lives in this page only.
  }
}
