/** Astro's client directives (`client:load`, `client:visible`…), registered where its island element looks for them. */
import type { ClientDirective } from 'astro';
import idle from 'astro/runtime/client/idle.js';
import load from 'astro/runtime/client/load.js';
import media from 'astro/runtime/client/media.js';
import only from 'astro/runtime/client/only.js';
import visible from 'astro/runtime/client/visible.js';

const directives: Record<string, ClientDirective> = { idle, load, media, only, visible };
// `self.Astro`, as Astro's own inline directive scripts write it.
const page = self as typeof self & { Astro?: Record<string, ClientDirective> };
const registered = (page.Astro ??= {});
for (const [name, directive] of Object.entries(directives)) {
  registered[name] ??= directive;
  dispatchEvent(new Event(`astro:${name}`));
}
