/**
 * DOM for the page scripts that build it (the quizzes, the comment thread). Text always goes in as a text node, never
 * parsed as HTML: nothing here can turn what a reader or commenter wrote into markup.
 */

/** What an element can hold: nodes, text, nested lists, and nothing (`false`, `null`, `undefined`). */
export type Child = Node | string | false | null | undefined | readonly Child[];
type PropValue = string | number | boolean | null | undefined | ((event: Event) => void);

/**
 * A new element: `h('p', { class: 'note' }, 'Text', child)`. Props named `on…` with a function are event listeners;
 * `true` sets an empty attribute, and `false`, `null` or `undefined` leaves it out.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, PropValue> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2).toLowerCase(), value);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined) element.setAttribute(name, String(value));
  }
  element.append(...nodesOf(children));
  return element;
}

/** Children as nodes, in order, with the empty ones left out. */
export function nodesOf(children: readonly Child[]): (Node | string)[] {
  return children.flatMap((child) => {
    if (child === false || child === null || child === undefined) return [];
    return typeof child === 'object' && !(child instanceof Node) ? nodesOf(child) : [child];
  });
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
