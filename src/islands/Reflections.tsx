/** Private reflection prompts, saved on this device as the reader types. */
import { useState } from 'preact/hooks';
import type { ReflectionPrompt } from '../lib/reflections';
import { saveJournal } from '../stores/progress';
import { useReaderState } from './progress/reader-hooks';

interface Props {
  prompts: ReflectionPrompt[];
}

export default function Reflections({ prompts }: Props) {
  const journal = useReaderState().journal;
  // What the reader is typing wins over the saved text, so a save never moves the caret.
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  return (
    <div class="reflections">
      {prompts.map((prompt) => {
        const id = `reflection-${prompt.id}`;
        return (
          <div class="reflection" key={prompt.id}>
            <label for={id}>{prompt.label}</label>
            <p id={`${id}-hint`} class="quiz-hint">
              {prompt.hint}
            </p>
            <textarea
              id={id}
              rows={4}
              aria-describedby={`${id}-hint`}
              value={drafts[prompt.id] ?? journal[prompt.id] ?? ''}
              onInput={(event) => {
                const text = event.currentTarget.value;
                setDrafts((current) => ({ ...current, [prompt.id]: text }));
                saveJournal(prompt.id, text);
              }}
            />
          </div>
        );
      })}
    </div>
  );
}
