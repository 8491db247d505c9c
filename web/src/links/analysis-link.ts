// Share links as a second encoding of the analysis file: a link is
//
//   #a=DEFINITION[&a=DEFINITION][&f=CARRIED]
//
// where each DEFINITION is an analysis file, byte for byte as the page
// downloads it (one per analysis the page runs: colour, similarity), and
// CARRIED, only in a link that carries data or addresses, lists them:
// [{"name", "size", "data"} | {"name", "size", "url"}], each name an input
// of the definitions, "data" the deflate-raw compressed bytes in base64url.
// Every part is deflate-raw compressed and base64url-encoded.
//
// A definition is read with the same checks as an analysis file opened on
// the page (analysis-file/open-analysis.ts), so both decode to one state.
// Links of the earlier layout (#s=, share.ts) still decode as they did.
import { parameterNames, type Setting } from '../parameters/settings';
import { pageState, parseDefinition, type AnalysisDefinition } from '../analysis-file/open-analysis';
import {
  checkShare, damaged, decompress, fetchableUrl, fromBase64Url, inflateShare, isRecord, MAX_EMBEDDED_BYTES, MAX_LINK_LENGTH,
  MAX_SHARED_FILE, stateBudget, text, toBase64Url, compress, type InflatedShare, type ShareState, type SharedFile,
} from '../share';
import { visibleText } from './visible-text';

export const ANALYSIS_PREFIX = '#a=';
// The most an analysis file may inflate to: 64 inputs with long names and
// settings take a few tens of kilobytes.
export const MAX_DEFINITION = 1 << 20;
// One definition per analysis of the page.
const MAX_DEFINITIONS = 2;

export interface InflatedAnalysisLink {
  definitions: string[];
  carried: unknown;   // null for a link that carries neither data nor addresses
}

export type InflatedLink = { layout: 'analysis'; link: InflatedAnalysisLink } | { layout: 'state'; link: InflatedShare };

const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);
const PART = /^[A-Za-z0-9_-]+$/;

// The link in a location hash inflated, its fields not yet checked; null
// when the hash holds no link. A damaged link or a bomb is refused here.
export async function inflateLink(hash: string): Promise<InflatedLink | null> {
  if (!hash.startsWith(ANALYSIS_PREFIX)) {
    const state = await inflateShare(hash);
    return state === null ? null : { layout: 'state', link: state };
  }
  try {
    if (hash.length > MAX_LINK_LENGTH) throw new Error(`it is longer than ${MAX_LINK_LENGTH} characters`);
    const parts = hash.slice(1).split('&').map((part) => {
      const at = part.indexOf('=');
      const key = part.slice(0, at);
      if (at < 0 || (key !== 'a' && key !== 'f')) throw new Error(`it has a part '${visibleText(part.slice(0, 20))}' of no known kind`);
      const value = part.slice(at + 1);
      if (!PART.test(value)) throw new Error(`its part ${key} is not base64url`);
      return { key, value };
    });
    const definitions = parts.filter((p) => p.key === 'a');
    const carried = parts.filter((p) => p.key === 'f');
    if (definitions.length > MAX_DEFINITIONS) throw new Error(`it holds more than ${MAX_DEFINITIONS} analysis files`);
    if (carried.length > 1) throw new Error('it lists its data twice');
    const texts: string[] = [];
    for (const d of definitions) texts.push(utf8(await decompress(fromBase64Url(d.value), MAX_DEFINITION)));
    const list = carried.length ? JSON.parse(utf8(await decompress(fromBase64Url(carried[0].value), stateBudget(hash.length)))) as unknown : null;
    return { layout: 'analysis', link: { definitions: texts, carried: list } };
  } catch (error) {
    throw damaged(error);
  }
}

// The definitions' inputs with what the link carries of them. The stated
// sizes are summed here, before anything is inflated.
function withCarried(files: SharedFile[], carried: unknown): SharedFile[] {
  if (carried === null) return files;
  if (!Array.isArray(carried) || carried.length > files.length) throw new Error('its data are not a list, one entry per input at most');
  const out = files.map((f) => ({ ...f }));
  const seen = new Set<string>();
  let embedded = 0;
  carried.forEach((v: unknown, i) => {
    const what = `carried file ${i + 1}`;
    if (!isRecord(v)) throw new Error(`${what} is not an object`);
    for (const key of Object.keys(v)) {
      if (!['name', 'size', 'url', 'data'].includes(key)) throw new Error(`${what} has an unknown field '${visibleText(key.slice(0, 40))}'`);
    }
    const name = text(v.name, `${what}.name`, 255);
    const file = out.find((f) => f.name === name);
    if (!file) throw new Error(`${what} is not an input of the analysis`);
    if (seen.has(name)) throw new Error(`${what} is listed twice`);
    seen.add(name);
    const size = v.size;
    if (typeof size !== 'number' || !Number.isInteger(size) || size < 0 || size > MAX_SHARED_FILE) {
      throw new Error(`${what}.size is not a whole number from 0 to ${MAX_SHARED_FILE}`);
    }
    file.size = size;
    if ((v.url === undefined) === (v.data === undefined)) throw new Error(`${what} has not one of data and url`);
    if (v.url !== undefined) {
      const url = fetchableUrl(text(v.url, `${what}.url`, 2048));
      if (!url) throw new Error(`${what}.url is not an address this page may fetch`);
      file.url = url.href;   // as the reviewer is shown it, agrees to it and the policy allows it
    } else {
      file.data = text(v.data, `${what}.data`, MAX_LINK_LENGTH, PART);
      embedded += size;
    }
  });
  if (embedded > MAX_EMBEDDED_BYTES) {
    throw new Error(`it states ${embedded.toLocaleString('en')} bytes of embedded data, and a link may carry at most ` +
      `${MAX_EMBEDDED_BYTES.toLocaleString('en')}`);
  }
  return out;
}

// The state a link gives: every definition read as an analysis file is,
// their parameters together (an analysis each, agreeing on what they share).
export function checkAnalysisLink(link: InflatedAnalysisLink, registry: Setting[]): ShareState {
  try {
    const definitions = link.definitions.map((d) => parseDefinition(d, registry));
    const states = definitions.map((d) => pageState(d, registry));
    if (new Set(definitions.map((d) => d.analysis)).size !== definitions.length) throw new Error('it holds one analysis twice');
    if (new Set(states.map((s) => s.tool)).size !== 1) throw new Error('its analysis files are of different versions');
    const parameters: Record<string, string> = {};
    for (const state of states) {
      for (const [name, value] of Object.entries(state.parameters)) {
        if (parameters[name] !== undefined && parameters[name] !== value) throw new Error(`its analyses set ${name} differently`);
        parameters[name] = value;
      }
    }
    const files = states.flatMap((s) => s.files);
    if (new Set(files.map((f) => f.name)).size !== files.length) throw new Error('two of its inputs have one name');
    return { version: 1, tool: states[0].tool, parameters, files: withCarried(files, link.carried) };
  } catch (error) {
    throw damaged(error);
  }
}

// A link to an analysis of numeric answers, which opens in their own
// section: its definition, with what the link carries in its files. Null
// for a link to the form's analyses. The section has no fetching: a link of
// numeric answers carries data or nothing.
export function checkValuesLink(inflated: InflatedLink, registry: Setting[]): AnalysisDefinition | null {
  if (inflated.layout !== 'analysis' || inflated.link.definitions.length !== 1) return null;
  try {
    const definition = parseDefinition(inflated.link.definitions[0], registry);
    if (definition.analysis !== 'values') return null;
    const files = withCarried(definition.files, inflated.link.carried);
    if (files.some((f) => f.url !== undefined)) throw new Error('a link of numeric answers carries no addresses');
    return { ...definition, files };
  } catch (error) {
    throw damaged(error);
  }
}

// Either layout, checked.
export function checkLink(inflated: InflatedLink, registry: Setting[]): ShareState {
  return inflated.layout === 'analysis' ? checkAnalysisLink(inflated.link, registry)
    : checkShare(inflated.link, parameterNames(registry));
}

export async function decodeLink(hash: string, registry: Setting[]): Promise<ShareState | null> {
  const inflated = await inflateLink(hash);
  return inflated === null ? null : checkLink(inflated, registry);
}

// What a link carries of one input: its bytes, compressed and in base64url
// (toBase64Url(await compress(bytes))), or its address.
export type Carried = { name: string; size: number; data: string } | { name: string; size: number; url: string };

const pack = async (text: string) => toBase64Url(await compress(new TextEncoder().encode(text)));

// The hash of a link: the definitions as given (analysis files' text), and
// the carried entries when there are any.
export async function encodeAnalysisLink(definitions: string[], carried: Carried[]): Promise<string> {
  const parts: string[] = [];
  for (const d of definitions) parts.push(`a=${await pack(d)}`);
  if (carried.length > 0) parts.push(`f=${await pack(JSON.stringify(carried))}`);
  return `#${parts.join('&')}`;
}
