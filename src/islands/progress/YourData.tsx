/** "Your data" on the progress page: export what this browser saved as a file, import one, or delete everything. */
import { useRef, useState } from 'preact/hooks';
import { forgetOfflineCopies } from '../../browser/offline-copies';
import { downloadFile } from '../../browser/download-file';
import { forgetSiteStorage } from '../../browser/site-storage';
import type { RejectReason } from '../../lib/reader-state';
import { clearState, exportState, importState } from '../../stores/reader-data';
import { chooseTheme } from '../../stores/theme';

/** Files bigger than this are not progress files. */
const maxImportBytes = 1_000_000;

const importProblems: Record<RejectReason | 'too-big', string> = {
  'not-json': "That file couldn't be read. Choose the .json file you exported from this page. Nothing was changed.",
  'not-state': "That file isn't a Back Together progress file. Nothing was changed.",
  'newer-version': 'That file was made by a newer version of this site. Reload the page and try again. Nothing was changed.',
  'too-big': "That file is too big to be a Back Together progress file. Nothing was changed.",
};

interface Props {
  /** False in the server-rendered HTML: a click there would be lost, so the buttons wait for the island. */
  hydrated: boolean;
  /** Today's local date once mounted, for the export file's name. */
  today: string | undefined;
}

export function YourData({ hydrated, today }: Props) {
  const [message, setMessage] = useState<{ text: string; problem: boolean }>();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const download = () => {
    downloadFile(`back-together-progress-${today ?? 'export'}.json`, exportState(), 'application/json');
    setMessage({ text: 'Your progress was saved as a file. Keep it somewhere private.', problem: false });
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const outcome = file.size > maxImportBytes ? ({ ok: false, reason: 'too-big' } as const) : importState(await file.text());
    if (fileInput.current) fileInput.current.value = '';
    if (!outcome.ok) setMessage({ text: importProblems[outcome.reason], problem: true });
    else setMessage({ text: `Your progress was imported.${outcome.dropped ? ` Some parts (${outcome.dropped}) couldn't be read and were skipped.` : ''}`, problem: false });
  };

  const deleteEverything = async () => {
    clearState();
    chooseTheme(undefined);
    forgetSiteStorage();
    setConfirmingDelete(false);
    const offlineGone = await forgetOfflineCopies().then(() => true, () => false);
    setMessage({
      text: offlineGone
        ? 'Everything this site saved in this browser has been deleted: your progress and answers, the keys to edit your comments, your theme choice, and the copy of the guide kept for reading offline.'
        : "Your progress and answers, the keys to edit your comments and your theme choice have been deleted. The copy of the guide kept for reading offline couldn't be deleted: your browser's setting to clear this site's data removes it.",
      problem: !offlineGone,
    });
  };

  return (
    <section class="progress-section" aria-labelledby="progress-data">
      <h2 id="progress-data">Your data</h2>
      <p>
        Everything here is saved only in this browser. You can keep a copy as a file, bring a copy back, or delete it all.
      </p>
      <div class="progress-actions">
        <button type="button" class="button" disabled={!hydrated} onClick={download}>
          Export as a file
        </button>
        <label class="button button-quiet progress-import">
          Import a file
          <input ref={fileInput} class="visually-hidden" type="file" accept=".json,application/json" onChange={(event) => importFile(event.currentTarget.files?.[0])} />
        </label>
        <button type="button" class="button button-quiet" disabled={!hydrated} aria-expanded={confirmingDelete} aria-controls="progress-confirm-delete" onClick={() => setConfirmingDelete(!confirmingDelete)}>
          Delete everything
        </button>
      </div>
      <p class="muted">Importing replaces what is saved in this browser now.</p>
      <div id="progress-confirm-delete" class="progress-confirm card" hidden={!confirmingDelete}>
        <p>This deletes all your answers, results, reflections and progress in this browser, the keys that let you edit your recent comments, your theme choice, and the copy of the guide saved for reading offline. It can't be undone.</p>
        <button type="button" class="button progress-danger" onClick={deleteEverything}>
          Yes, delete everything
        </button>{' '}
        <button type="button" class="button button-quiet" onClick={() => setConfirmingDelete(false)}>
          Cancel
        </button>
      </div>
      <p role="status" class={message?.problem ? 'progress-problem' : undefined}>
        {message?.text}
      </p>
    </section>
  );
}
