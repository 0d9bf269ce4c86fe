/** A schema change of a store, applied once, in version order, in the same transaction as its version row. */
export interface Migration {
  version: number;
  sql: string;
}
