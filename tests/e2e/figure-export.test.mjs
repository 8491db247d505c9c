// Figures exported for print: every figure the page draws, at single
// (89 mm) and double (183 mm) column, measured at that physical size in
// Chromium: every text element at 7 pt or larger (its font size through the
// SVG's width in mm and its viewBox) and inside the drawing (getBBox); PNGs
// exactly the column's width at 300 and 600 dpi, with that resolution
// written into the file; PDFs that poppler opens and renders, with the
// figure's text in the embedded font. Runs on the colour and concept
// examples and on a short run of the paper's data; keeps the SVGs and the
// PDFs' renderings side by side in test-artifacts/figure-export/.
//   SHOAL_SITE=build/site SHOAL_SHARED=../shared node --test tests/e2e/figure-export.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { artifacts, downloadOf, site, useSite } from './support.mjs';
import { chains, colorref, llmFiles, norms, runStudy } from './paper-study.mjs';

const shoal = useSite();
const root = path.resolve('.');
const PRESETS = [{ id: 'single', mm: 89 }, { id: 'double', mm: 183 }];
const MIN_PT = 7;
const out = path.join(artifacts, 'figure-export');
mkdirSync(out, { recursive: true });

const examples = (dir) => readdirSync(path.join(site, 'examples', dir)).filter((f) => f.endsWith('.csv')).map((f) => path.join(site, 'examples', dir, f));

async function drawnFigureNames(page) {
  return page.$$eval('figure[data-figure]:not([data-empty])', (figures) => figures.filter((f) => f.querySelector('svg')).map((f) => f.dataset.figure));
}

// The file the figure's export menu saves, or the menu's message when it
// says why it could not.
async function exportOf(page, figure, preset, format) {
  await page.selectOption(`select[data-export-preset="${figure}"]`, preset);
  await page.selectOption(`select[data-export-format="${figure}"]`, format);
  const saved = page.waitForEvent('download', { timeout: 180000 });
  saved.catch(() => {});
  await page.click(`button[data-export="${figure}"]`);
  // Watched from the click on, which sets the status to 'Preparing…': before
  // it the status may still hold the refusal of an earlier export.
  const refused = page.waitForFunction((name) => {
    const status = document.querySelector(`button[data-export="${name}"]`)?.parentElement?.querySelector('.figure-export-status')?.textContent ?? '';
    return status && status !== 'Preparing…' ? status : false;
  }, figure, { timeout: 180000 }).then((handle) => handle.jsonValue());
  refused.catch(() => {});
  const first = await Promise.race([saved.then((download) => ({ download })), refused.then((message) => ({ message }))]);
  assert.ok(first.download, `${figure} at ${preset} as ${format}: ${first.message}`);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'shoal-dl-')), first.download.suggestedFilename());
  await first.download.saveAs(file);
  return { name: first.download.suggestedFilename(), bytes: readFileSync(file) };
}

// Figures that cannot be laid out at 89 mm with 7 pt text, and why.
const cannotFitSingle = {
  // A column per concept (the paper's 20), each as wide as a 7 pt label is
  // high, beside the populations' names and the colour legend: wider than
  // 89 mm.
  'concept-heatmap': (label) => label === 'paper',
};

async function exportRefusal(page, figure, preset) {
  await page.selectOption(`select[data-export-preset="${figure}"]`, preset);
  await page.selectOption(`select[data-export-format="${figure}"]`, 'svg');
  await page.click(`button[data-export="${figure}"]`);
  const handle = await page.waitForFunction((name) => {
    const status = document.querySelector(`button[data-export="${name}"]`)?.parentElement?.querySelector('.figure-export-status')?.textContent ?? '';
    return status && status !== 'Preparing…' ? status : false;
  }, figure, { timeout: 180000 });
  return handle.jsonValue();
}

// Draws the SVG in the page at its physical size and measures every text
// element: its size in points, and its box in the drawing's own units.
function measureSvg(page, svg) {
  return page.evaluate((source) => {
    const holder = document.createElement('div');
    holder.style.cssText = 'position:absolute;left:0;top:0;visibility:hidden';
    holder.innerHTML = source;
    document.body.append(holder);
    const root = holder.querySelector('svg');
    const widthMm = parseFloat(root.getAttribute('width'));
    const unit = root.getAttribute('width').replace(/^[\d.]+/, '');
    const [, , vbWidth, vbHeight] = root.getAttribute('viewBox').split(/[\s,]+/).map(Number);
    const ptPerUnit = (widthMm * 72 / 25.4) / vbWidth;
    const toRoot = root.getScreenCTM().inverse();
    const texts = [...root.querySelectorAll('text')].filter((t) => t.textContent.trim()).map((t) => {
      const m = toRoot.multiply(t.getScreenCTM());
      const scale = Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
      const box = t.getBBox();
      const corners = [[box.x, box.y], [box.x + box.width, box.y], [box.x, box.y + box.height], [box.x + box.width, box.y + box.height]]
        .map(([x, y]) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f]);
      const lines = [...t.querySelectorAll('tspan')].map((line) => line.textContent);
      return {
        text: lines.length ? lines.join(' ') : t.textContent,
        pt: parseFloat(getComputedStyle(t).fontSize) * scale * ptPerUnit,
        left: Math.min(...corners.map((c) => c[0])), right: Math.max(...corners.map((c) => c[0])),
        top: Math.min(...corners.map((c) => c[1])), bottom: Math.max(...corners.map((c) => c[1])),
        fill: getComputedStyle(t).fill,
        rotated: Math.abs(m.b) > 1e-6,
      };
    });
    holder.remove();
    return { widthMm, unit, vbWidth, vbHeight, texts };
  }, svg);
}

function checkSvg(m, where, mm) {
  assert.equal(m.unit, 'mm', `${where}: the SVG's width is in mm`);
  assert.ok(Math.abs(m.widthMm - mm) < 0.01, `${where}: ${m.widthMm} mm wide, not ${mm}`);
  assert.ok(m.texts.length > 0, `${where}: no text measured`);
  const small = m.texts.filter((t) => t.pt < MIN_PT - 1e-6).map((t) => `"${t.text}" ${t.pt.toFixed(2)} pt`);
  assert.deepEqual(small, [], `${where}: text under ${MIN_PT} pt`);
  const outside = m.texts.filter((t) => t.left < -0.5 || t.top < -0.5 || t.right > m.vbWidth + 0.5 || t.bottom > m.vbHeight + 0.5)
    .map((t) => `"${t.text}" [${t.left.toFixed(1)}, ${t.top.toFixed(1)}, ${t.right.toFixed(1)}, ${t.bottom.toFixed(1)}] in ${m.vbWidth}×${m.vbHeight}`);
  assert.deepEqual(outside, [], `${where}: text outside the drawing`);
}

// Width, height and the pHYs resolution of a PNG.
function pngInfo(bytes) {
  assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
  const info = { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), perMetre: null };
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.subarray(at + 4, at + 8).toString();
    if (type === 'pHYs') info.perMetre = [bytes.readUInt32BE(at + 8), bytes.readUInt32BE(at + 12), bytes[at + 16]];
    if (type === 'IDAT') break;
    at += 12 + length;
  }
  return info;
}

// Renders the PDF with poppler and reads back its pages, fonts and text.
function popplerRead(bytes, name) {
  const dir = mkdtempSync(path.join(tmpdir(), 'shoal-pdf-'));
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  const info = execFileSync('pdfinfo', [file]).toString();
  const fonts = execFileSync('pdffonts', [file]).toString().trim().split('\n').slice(2);
  const text = execFileSync('pdftotext', [file, '-']).toString();
  execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', file, path.join(out, name)]);
  return { info, fonts, text, rendered: path.join(out, `${name}.png`) };
}

const pdfCodeLoaded = (page) => page.evaluate(() => performance.getEntriesByType('resource').some((e) => /export-pdf/.test(e.name)));

async function checkEveryFigure(page, label) {
  const names = await drawnFigureNames(page);
  assert.ok(names.length >= 4, `${label}: only ${names.length} figures drawn`);
  let smallOnScreen = 0;
  for (const [i, figure] of names.entries()) {
    for (const preset of PRESETS) {
      // A figure that cannot hold 7 pt text at a single column says so and
      // names the double column, where it must fit.
      const refusal = preset.id === 'single' ? cannotFitSingle[figure]?.(label) : undefined;
      if (refusal) {
        const message = await exportRefusal(page, figure, preset.id);
        assert.match(message, /does not fit a single column \(89 mm\) with its text at 7 pt or larger: export it for a double column \(183 mm\)/, `${label} ${figure}`);
        continue;
      }
      const svg = await exportOf(page, figure, preset.id, 'svg');
      assert.equal(svg.name, `${figure}-${preset.mm}mm.svg`);
      const source = svg.bytes.toString();
      writeFileSync(path.join(out, `${label}-${svg.name}`), source);
      const m = await measureSvg(page, source);
      checkSvg(m, `${label} ${figure} at ${preset.mm} mm`, preset.mm);
      // Only black ink: the print look does not follow a dark page.
      assert.ok(m.texts.every((t) => t.fill === 'rgb(0, 0, 0)'), `${label} ${figure}: text not black`);
    }
    // The screen's SVG simply shrunk to a column is what the preset is for:
    // its text would fall under 7 pt (so the measure above can fail).
    const screen = (await downloadOf(page, `button[data-download="${figure}.svg"]`)).bytes.toString()
      .replace(/<svg\b([^>]*?)\swidth="([\d.]+)"([^>]*?)\sheight="([\d.]+)"/, (_, a, w, b, hgt) => `<svg${a} width="89mm"${b} height="${(89 * hgt) / w}mm"`);
    const screenAt89 = await measureSvg(page, screen);
    if (screenAt89.texts.some((t) => t.pt < MIN_PT)) smallOnScreen++;

    const preset = cannotFitSingle[figure]?.(label) ? PRESETS[1] : PRESETS[i % 2];
    for (const dpi of [300, 600]) {
      const png = await exportOf(page, figure, preset.id, `png${dpi}`);
      assert.equal(png.name, `${figure}-${preset.mm}mm-${dpi}dpi.png`);
      const info = pngInfo(png.bytes);
      assert.equal(info.width, Math.round((preset.mm / 25.4) * dpi), `${label} ${figure}: PNG width at ${dpi} dpi`);
      assert.deepEqual(info.perMetre, [Math.round(dpi / 0.0254), Math.round(dpi / 0.0254), 1], `${label} ${figure}: PNG resolution`);
      if (dpi === 300) writeFileSync(path.join(out, `${label}-${png.name}`), png.bytes);
    }

    // The page's own loads (the service worker caches every file for offline use).
    if (i === 0) assert.equal(await pdfCodeLoaded(page), false, 'the PDF code is loaded before a PDF is asked for');
    const pdf = await exportOf(page, figure, preset.id, 'pdf');
    assert.equal(pdf.name, `${figure}-${preset.mm}mm.pdf`);
    assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-');
    const read = popplerRead(pdf.bytes, `${label}-${figure}-${preset.mm}mm`);
    const pageSize = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(read.info);
    assert.ok(pageSize && Math.abs(Number(pageSize[1]) - (preset.mm * 72) / 25.4) < 0.5, `${label} ${figure}: PDF page ${pageSize?.[0]}`);
    assert.ok(read.fonts.length > 0 && read.fonts.every((f) => /^DejaVu ?Sans\s.*Identity-H\s+yes\b/.test(f)), `${label} ${figure}: PDF fonts\n${read.fonts.join('\n')}`);
    // Every word of the figure's level text is in the PDF's text (the minus
    // sign and Δ included); poppler reads rotated text letter by letter.
    const pdfText = read.text.replace(/\s+/g, '');
    const words = [...new Set((await measureSvg(page, (await exportOf(page, figure, preset.id, 'svg')).bytes.toString())).texts.filter((t) => !t.rotated).flatMap((t) => t.text.split(/\s+/)).filter(Boolean))];
    assert.deepEqual(words.filter((w) => !pdfText.includes(w)), [], `${label} ${figure}: words missing from the PDF`);
    const rendered = pngInfo(readFileSync(read.rendered));
    assert.equal(rendered.width, Math.round((preset.mm / 25.4) * 150), `${label} ${figure}: poppler's rendering`);
  }
  assert.ok(await pdfCodeLoaded(page), 'the PDF code was loaded for the PDFs');
  assert.ok(smallOnScreen > 0, `${label}: no screen figure would be under 7 pt at 89 mm, so the check could not fail`);
  return names;
}

async function runExample(dir) {
  const app = await shoal.open();
  const { page } = app;
  await page.setInputFiles('#file-input', examples(dir));
  await page.waitForFunction(() => !document.querySelector('#run-button').disabled);
  for (const [name, value] of [['iterations', '20'], ['burnIn', '5'], ['subsets', '10,25'], ['bootstrap', '100']]) {
    if (await page.$(`input[name="${name}"]`)) await page.fill(`input[name="${name}"]`, value);
  }
  await page.click('#run-button');
  await page.waitForSelector('#run-status:has-text("Done")', { timeout: 600000 });
  return app;
}

for (const dir of ['color', 'concept']) {
  test(`every figure of the ${dir} example exports for print at 89 and 183 mm: text of 7 pt or more inside the drawing, PNG at 300 and 600 dpi, a PDF poppler renders`, async () => {
    const { context, page, consoleErrors, foreignRequests } = await runExample(dir);
    const names = await checkEveryFigure(page, dir);
    if (dir === 'concept') assert.ok(names.includes('trace-tables'), 'the convergence traces are exported too');
    assert.ok(names.some((n) => n.startsWith('comparison-')), 'the comparison figure is exported too');
    // No eval under the page's policy, nothing fetched from elsewhere.
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(foreignRequests(), []);
    await context.close();
  });
}

test('the figure-set ZIP keeps its contents and adds every figure laid out for the chosen column', async () => {
  const { context, page, consoleErrors } = await runExample('color');
  const names = await drawnFigureNames(page);
  const entries = async (choice) => {
    await page.selectOption('select[data-figure-set-print]', choice);
    const zip = (await downloadOf(page, 'button[data-download="figures.zip"]')).bytes;
    const list = [];
    // The archive is stored (no compression): walk its local headers.
    for (let at = 0; zip.readUInt32LE(at) === 0x04034b50;) {
      const size = zip.readUInt32LE(at + 18);
      const nameLength = zip.readUInt16LE(at + 26);
      list.push({ name: zip.subarray(at + 30, at + 30 + nameLength).toString(), data: zip.subarray(at + 30 + nameLength, at + 30 + nameLength + size) });
      at += 30 + nameLength + size;
    }
    return list;
  };
  const screen = await entries('');
  assert.deepEqual(screen.map((e) => e.name).sort(), names.flatMap((n) => ['svg', 'csv', 'txt'].map((x) => `${n}.${x}`)).sort());
  const print = await entries('single');
  assert.deepEqual(print.filter((e) => !e.name.startsWith('print-')).map((e) => e.name).sort(), screen.map((e) => e.name).sort());
  assert.deepEqual(print.filter((e) => e.name.startsWith('print-')).map((e) => e.name).sort(),
    names.flatMap((n) => [`print-89mm/${n}-89mm.svg`, `print-89mm/${n}-89mm.pdf`, `print-89mm/${n}-89mm-600dpi.png`]).sort());
  for (const e of print.filter((x) => x.name.endsWith('.png'))) assert.equal(pngInfo(e.data).width, Math.round((89 / 25.4) * 600), e.name);
  for (const e of print.filter((x) => x.name.endsWith('.svg') && x.name.startsWith('print-'))) checkSvg(await measureSvg(page, e.data.toString()), e.name, 89);
  assert.deepEqual(consoleErrors, []);
  await context.close();
});

test('a short run of the paper\'s data: every figure exports for print at 89 and 183 mm', async () => {
  const files = [colorref, norms, chains, ...llmFiles.filter((f) => /^(llama2|llama2-chat|mistral-instruct|zephyr-mistral)-prompt=none-temp=default\.csv$/.test(path.basename(f)))];
  const { context, page, consoleErrors, foreignRequests } = await runStudy(shoal, files);
  await checkEveryFigure(page, 'paper');
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(foreignRequests(), []);
  await context.close();
});

// The print palette as readers with the three dichromacies see it
// (Machado, Oliveira & Fernandes 2009, full severity, in linear RGB): every
// two colours of a figure with up to four model families, both sides of
// each and the humans, stay at least ΔE 10 (CIE 1976) apart. The screen's
// palette does not (so the check can fail).
test('the print palette keeps every colour apart for protanopes, deuteranopes and tritanopes', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'shoal-palette-'));
  const entry = path.join(dir, 'entry.ts');
  writeFileSync(entry, `export { colourScale } from ${JSON.stringify(path.join(root, 'web/src/charts/palette.ts'))};\n` +
    `export { withPrintLook } from ${JSON.stringify(path.join(root, 'web/src/charts/theme.ts'))};\n`);
  const bundle = path.join(dir, 'palette.mjs');
  execFileSync(path.join(root, 'web/node_modules/.bin/esbuild'), [entry, '--bundle', '--format=esm', '--platform=node', `--outfile=${bundle}`], { stdio: 'ignore' });
  const { colourScale, withPrintLook } = await import(pathToFileURL(bundle).href);
  const SIMULATIONS = {
    protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
  };
  const linear = (v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  const labSeen = (hex, m) => {
    const rgb = [1, 3, 5].map((i) => linear(parseInt(hex.slice(i, i + 2), 16) / 255));
    const [r, g, b] = m.map((row) => Math.min(1, Math.max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2])));
    const f = (t) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
    const [x, y, z] = [(0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883].map(f);
    return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
  };
  const closest = (range) => {
    let worst = { distance: Infinity };
    for (const [deficiency, m] of Object.entries(SIMULATIONS)) {
      const seen = range.map((c) => labSeen(c, m));
      for (let i = 0; i < seen.length; i++) {
        for (let j = i + 1; j < seen.length; j++) {
          const distance = Math.hypot(...seen[i].map((v, k) => v - seen[j][k]));
          if (distance < worst.distance) worst = { distance, deficiency, pair: [range[i], range[j]] };
        }
      }
    }
    return worst;
  };
  const populations = (families) => [{ name: 'humans', human: true },
    ...families.flatMap((f) => [false, true].map((aligned) => ({ name: `${f}-${aligned}`, model: `${f}-${aligned}`, family: f, aligned, human: false })))];
  for (const count of [2, 3, 4]) {
    const families = ['llama', 'mistral', 'tulu', 'gemma'].slice(0, count);
    const print = withPrintLook({ column: 400 }, () => colourScale(populations(families)));
    const worst = closest(print.range);
    assert.ok(worst.distance >= 10, `${count} families: ${worst.pair?.join(' and ')} are ΔE ${worst.distance.toFixed(1)} apart with ${worst.deficiency}`);
  }
  assert.ok(closest(colourScale(populations(['llama', 'mistral', 'tulu', 'gemma'])).range).distance < 10, 'the screen palette passes too: the check cannot fail');
});
