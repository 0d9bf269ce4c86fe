/**
 * The few DOM helpers the comment thread's page script builds with. Everything a commenter wrote goes in as text
 * (`append` of a string makes a text node): nothing here parses HTML.
 */

/** A new element with the given attributes and children (strings become text nodes). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/**
 * Makes `parent`'s children exactly `nodes`, in that order. Nodes that stay are never moved unless out of order,
 * so the control a reader is on keeps keyboard focus, and a form open inside keeps what was typed.
 */
export function syncChildren(parent: Node, nodes: readonly Node[]): void {
  const wanted = new Set(nodes);
  for (const child of [...parent.childNodes]) if (!wanted.has(child)) parent.removeChild(child);
  let cursor = parent.firstChild;
  for (const node of nodes) {
    if (node === cursor) cursor = cursor.nextSibling;
    else parent.insertBefore(node, cursor);
  }
}

/** Sets a node's text only when it changes (no needless announcement from a live region). */
export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}
