/** A small element builder: h('button', { class: 'primary', onclick }, 'Run'). */
type Attrs = Record<string, string | number | boolean | undefined | null | EventListener>;
export type Child = Node | string | number | null | undefined | false | Child[];

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name in el && typeof value !== 'string' && name !== 'class') (el as unknown as Record<string, unknown>)[name] = value;
    else el.setAttribute(name === 'className' ? 'class' : name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el: Element, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

/** Replace an element's children. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

export function starsGlyphs(stars: number): string {
  return '★'.repeat(stars) + '☆'.repeat(3 - stars);
}

/** Select a field's text and put it on the clipboard; `status` says which happened (a browser may refuse the clipboard). */
export async function copyField(field: HTMLInputElement | HTMLTextAreaElement, status: HTMLElement, words: { copied: string; refused: string }): Promise<void> {
  field.select();
  try {
    await navigator.clipboard.writeText(field.value);
    status.textContent = words.copied;
  } catch {
    status.textContent = words.refused;
  }
}
