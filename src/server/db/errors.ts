/** The store could not get to its data in time (a lock held too long, the database unreachable); worth a retry. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}
