/**
 * PostgreSQL for tests. The URL comes from TEST_DATABASE_URL (or DATABASE_URL, as .ci/run may export it); each
 * test file gets a database of its own, so files running in parallel never see each other's rows.
 * Without a URL the PostgreSQL tests are skipped with a loud notice, except under CI, where that is a failure.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

export const postgresUrl: string | undefined = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;

/** True when PostgreSQL tests can run; logs (locally) or throws (CI) when they cannot. */
export function postgresAvailable(): boolean {
  if (postgresUrl) return true;
  const message =
    '\n!!! No TEST_DATABASE_URL: PostgreSQL tests are SKIPPED. Start one with: ' +
    'export TEST_DATABASE_URL=$(bash scripts/pg-test-cluster.sh)\n';
  if (process.env.CI) throw new Error(message);
  console.warn(message);
  return false;
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty database on the test server and returns its URL. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (!postgresUrl) throw new Error('createTestDatabase needs TEST_DATABASE_URL');
  const name = `bt_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(postgresUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = postgres(postgresUrl!, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
