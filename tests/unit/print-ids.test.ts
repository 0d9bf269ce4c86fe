import { describe, expect, it } from 'vitest';
import { prefixIds } from '../../src/lib/print-ids';

describe('prefixIds', () => {
  it('prefixes ids and everything that points at them, leaving other links alone', () => {
    const html =
      '<h2 id="try-this-today">Try</h2><a href="#try-this-today">jump</a><a href="/steps/x/#try-this-today">page</a><label for="a">A</label><div aria-labelledby="a b" aria-describedby="c"></div>';
    expect(prefixIds(html, 'step-3')).toBe(
      '<h2 id="step-3-try-this-today">Try</h2><a href="#step-3-try-this-today">jump</a><a href="/steps/x/#try-this-today">page</a><label for="step-3-a">A</label><div aria-labelledby="step-3-a step-3-b" aria-describedby="step-3-c"></div>',
    );
  });

  it('leaves text that only looks like an attribute alone', () => {
    expect(prefixIds('<p>id="x" is how you write it</p>', 'p')).toBe('<p>id="x" is how you write it</p>');
  });
});
