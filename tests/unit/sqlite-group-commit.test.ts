/** SQLite group commit (src/server/db/sqlite-group-commit.ts): writes of one turn share one commit, each on its own. */
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { ALWAYS, commentRecord, openSqliteStore, type OpenedStore } from '../support/comments.ts';

describe('writes that arrive together', () => {
  let opened: OpenedStore | undefined;
  afterEach(async () => {
    await opened?.dispose();
    opened = undefined;
  });

  const countOn = (db: DatabaseSync) => Number(db.prepare('SELECT count(*) AS n FROM comments').get()?.['n']);

  it('are committed together at the end of the turn, and acknowledged only then', async () => {
    opened = await openSqliteStore();
    const other = new DatabaseSync(opened.location, { readOnly: true });
    try {
      const writes = [1, 2, 3].map((index) => opened!.store.insert(commentRecord({ text: `Together ${index}` }), ALWAYS));
      // Not yet on disk, so not yet visible to another connection (another process).
      expect(countOn(other)).toBe(0);
      let acknowledged = 0;
      const all = Promise.all(writes.map((write) => write.then(() => (acknowledged += 1))));
      expect(acknowledged).toBe(0);
      await all;
      expect(countOn(other)).toBe(3);
    } finally {
      other.close();
    }
  });

  it('fail one by one: a refused write leaves the others of its turn in place', async () => {
    opened = await openSqliteStore();
    const good = opened.store.insert(commentRecord({ text: 'Kept' }), ALWAYS);
    const bad = opened.store.insert(commentRecord({ parentId: 'aaaaaaaaaaaaaaaa' }), ALWAYS);
    const alsoGood = opened.store.insert(commentRecord({ text: 'Also kept' }), ALWAYS);
    await expect(bad).rejects.toThrow(/FOREIGN KEY/);
    await expect(Promise.all([good, alsoGood])).resolves.toEqual([{ admitted: true }, { admitted: true }]);
    expect((await opened.store.latestVisible(null, 10, 3)).map((comment) => comment.text).sort()).toEqual(['Also kept', 'Kept']);
  });

  it('are committed before a read on the same store, which sees them', async () => {
    opened = await openSqliteStore();
    const record = commentRecord({ text: 'Read right away' });
    const write = opened.store.insert(record, ALWAYS);
    expect((await opened.store.get(record.id))?.text).toBe('Read right away');
    await write;
  });
});
