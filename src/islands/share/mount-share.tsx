/** The share control, mounted by a page script into an element of its own (the quiz result's "Share this result"). */
import { render } from 'preact';
import { LiveShare } from './Share';

export function mountShare(slot: HTMLElement, props: { url: string; title: string; label: string }): void {
  render(<LiveShare {...props} />, slot);
}
