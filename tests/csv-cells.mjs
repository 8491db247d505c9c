// Reading CSV text back in the tests that check what Shoal writes.
import assert from 'node:assert/strict';

// The cells of a CSV text (RFC 4180 quoting), row after row.
export function csvCells(text) {
  const cells = [];
  let cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',' || ch === '\n') { cells.push(cell); cell = ''; } else if (ch !== '\r') cell += ch;
  }
  if (cell) cells.push(cell);
  return cells;
}

// docs/privacy.md, "CSV cells that start like a formula": such a cell starts
// with an apostrophe, unless it reads in full as a decimal number.
const FORMULA_START = /^[=+\-@\t\r]/;
export const DECIMAL_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

// Fails naming `where` and the cell when a cell of the text would run as a
// formula; returns every cell.
export function assertSpreadsheetSafe(where, text) {
  const cells = csvCells(text);
  for (const cell of cells) {
    assert.ok(!FORMULA_START.test(cell) || DECIMAL_NUMBER.test(cell), `${where}: the cell ${JSON.stringify(cell)} would run as a formula`);
  }
  return cells;
}
