// Text from a link (a file name) as it is safe to show: every character that
// is invisible or changes how the text around it is laid out — C0 and C1
// controls, DEL, line and paragraph separators, bidi marks, embeddings,
// overrides and isolates, zero-width characters, the byte-order mark —
// becomes a visible escape such as \u202E. The caller still shows it inside
// a bidi isolate (<bdi>), so that right-to-left letters, which are fine in a
// name, cannot reorder the text after it.
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

export function visibleText(text: string): string {
  return text.replace(HIDDEN, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
