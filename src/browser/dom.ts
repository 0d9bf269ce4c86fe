/**
 * Elements for page scripts that build DOM: `h('p', { class: 'note' }, 'Text', child)`. Text is always a text node,
 * never parsed as HTML. Props named `on…` with a function are event listeners; `true` sets an empty attribute, and
 * `false`, `null` or `undefined` leaves it out.
 */
export type Child = Node | string | false | null | undefined | readonly Child[];
type PropValue = string | number | boolean | null | undefined | ((event: Event) => void);

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
  return children.flatMap((child) => (child === false || child === null || child === undefined ? [] : typeof child === 'object' && !(child instanceof Node) ? nodesOf(child) : [child]));
}
