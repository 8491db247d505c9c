// The README is short and points at docs/ for the rest, so the links are
// the documentation's structure: every page of docs/ is reachable from the
// README, every relative link reaches a file, every #anchor a heading of
// the page it names, and every page says first what it is for.
//   node --test tests/docs/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const pages = readdirSync('docs').filter((f) => f.endsWith('.md')).sort().map((f) => path.join('docs', f));
const documents = ['README.md', ...pages];

// Markdown outside code blocks and HTML comments, which hold text that
// looks like links or headings and is not.
function outsideBlocks(text) {
  return text.replace(/^```[\s\S]*?^```/gm, '').replace(/<!--[\s\S]*?-->/g, '');
}

// ... and outside inline code too.
const prose = (text) => outsideBlocks(text).replace(/`[^`\n]*`/g, '');

// [text](target) and [text](target "title"); images too.
function links(file) {
  return [...prose(readFileSync(file, 'utf8')).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]);
}

// Anchors as GitHub makes them from headings: lower case, punctuation other
// than hyphens and underscores dropped, spaces made hyphens, repeats numbered.
function anchors(file) {
  const seen = new Map();
  const out = new Set();
  for (const [, heading] of outsideBlocks(readFileSync(file, 'utf8')).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = heading.replace(/[*_]{1,2}([^*_]+)[*_]{1,2}/g, '$1').toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n ? `${base}-${n}` : base);
  }
  return out;
}

test('there are documentation pages', () => {
  assert.ok(pages.length >= 8, `docs/ has ${pages.length} pages`);
});

test('the README links every page of docs/', () => {
  const linked = new Set(links('README.md').map((l) => path.normalize(l.split('#')[0])));
  assert.deepEqual(pages.filter((p) => !linked.has(p)), []);
});

// Each relative link of the files that does not reach a file, or a heading.
function brokenLinks(files) {
  const broken = [];
  for (const file of files) {
    for (const link of links(file)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue; // https:, mailto:
      const [target, anchor] = link.split('#');
      const resolved = target ? path.normalize(path.join(path.dirname(file), target)) : file;
      if (!existsSync(resolved)) {
        broken.push(`${file}: ${link}: no file ${resolved}`);
      } else if (anchor !== undefined) {
        if (!resolved.endsWith('.md') || statSync(resolved).isDirectory()) broken.push(`${file}: ${link}: an anchor into a file that is not Markdown`);
        else if (!anchors(resolved).has(anchor)) broken.push(`${file}: ${link}: no heading '${anchor}' in ${resolved}`);
      }
    }
  }
  return broken;
}

test('every relative link reaches a file, and every anchor a heading', () => {
  assert.deepEqual(brokenLinks(documents), []);
});

test('every page opens with its title and one sentence on what it is for', () => {
  const unclear = [];
  for (const page of pages) {
    const [title, ...rest] = readFileSync(page, 'utf8').split(/\n\s*\n/);
    const first = rest[0]?.replace(/\s+/g, ' ').trim() ?? '';
    if (!/^# \S/.test(title)) unclear.push(`${page}: no title`);
    if (!/^This page [^.]+\.$/.test(first)) unclear.push(`${page}: first paragraph is not one sentence saying what the page is for: ${first.slice(0, 80)}`);
  }
  assert.deepEqual(unclear, []);
});

test('the link checker sees a missing file and a missing heading', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shoal-links-'));
  try {
    writeFileSync(path.join(dir, 'a.md'), [
      '# A', '', 'See [b](b.md), [its second part](b.md#the-part-one-x-1), [a part it lacks](b.md#the-part-three),',
      '[a page that is not there](c.md), [here](#a) and `[code](d.md)`.', '',
    ].join('\n'));
    writeFileSync(path.join(dir, 'b.md'), '# B\n\n## The part: one (`x`)\n\n## The part: one (`x`)\n');
    const a = path.join(dir, 'a.md');
    assert.deepEqual(brokenLinks([a]).map((p) => p.slice(a.length + 2)),
      ["b.md#the-part-three: no heading 'the-part-three' in " + path.join(dir, 'b.md'), 'c.md: no file ' + path.join(dir, 'c.md')]);
    assert.deepEqual([...anchors(path.join(dir, 'b.md'))], ['b', 'the-part-one-x', 'the-part-one-x-1']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
