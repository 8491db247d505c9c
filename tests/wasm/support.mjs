// Shared by the wasm tests: the module under Node and the native CLI.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const native = process.env.SHOAL_NATIVE;
export const wasmModule = process.env.SHOAL_WASM;
export const shared = process.env.SHOAL_SHARED;
assert.ok(native && wasmModule && shared, 'SHOAL_NATIVE, SHOAL_WASM and SHOAL_SHARED must be set');

// A fresh instance of the module, as one browser worker would hold.
export async function loadShoal() {
  const { default: createShoal } = await import(pathToFileURL(path.resolve(wasmModule)).href);
  const wasmBinary = readFileSync(path.resolve(wasmModule).replace(/\.mjs$/, '.wasm'));
  return createShoal({ wasmBinary });
}

// Settings as the module's entry points take them: {name: text} by
// command-line name; numbers are written as text here, as a user types them.
export function settingsText(values) {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, String(value)]));
}

export function filesFor(paths) {
  return paths.map((p) => ({ name: path.basename(p), bytes: new Uint8Array(readFileSync(p)) }));
}

export function nativeReport(command, files, args) {
  return execFileSync(native, [command, ...files, '--quiet', ...args], { maxBuffer: 1 << 28 }).toString();
}

// The two builds must agree bit for bit: the core uses its own portable
// elementary functions, so the reports are the same text.
export function assertSameReport(actualText, expectedText) {
  assert.deepEqual(JSON.parse(actualText), JSON.parse(expectedText));
  assert.equal(actualText, expectedText);
}
