// Parts of the results page copied into the report as a reader sees them:
// no controls, sortable headers as plain text, figures with their SVG and
// caption.
export function readerCopy<T extends Element>(element: T): T {
  const copy = element.cloneNode(true) as T;
  copy.querySelectorAll('th button').forEach((b) => b.replaceWith(b.textContent ?? ''));
  copy.querySelectorAll('.figure-actions, button, script, select, input, label, nav').forEach((e) => e.remove());
  // Page ids would clash with the report's own; the ids inside figures name
  // their gradients and clip paths and must stay, and a figure's description
  // is named by its frame.
  copy.querySelectorAll('[id]').forEach((e) => {
    if (!e.closest('svg') && !e.classList.contains('figure-summary')) e.removeAttribute('id');
  });
  // Vega points paint servers at the page's own address (url(http://…/#gradient_0));
  // in a file of its own the reference must be local.
  copy.querySelectorAll('svg [fill^="url("], svg [stroke^="url("], svg [clip-path^="url("]').forEach((e) => {
    for (const name of ['fill', 'stroke', 'clip-path']) {
      const value = e.getAttribute(name);
      if (value?.startsWith('url(')) e.setAttribute(name, value.replace(/^url\((['"]?)[^#'")]*#/, 'url($1#'));
    }
  });
  return copy;
}

// The page's figures under `root`, in page order.
export const figuresIn = (root: ParentNode | null): HTMLElement[] =>
  root ? [...root.querySelectorAll<HTMLElement>('figure[data-figure]')] : [];
