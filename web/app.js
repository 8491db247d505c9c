// A first page over the wasm core: pick files, run the colour analysis, see
// each population's headline number. All data stays in the page.
import createShoal from './shoal.mjs';

const status = document.getElementById('status');
const errorBox = document.getElementById('error');
const table = document.getElementById('results');
const exampleFiles = [
  'color-humans.csv',
  'toy-aligned-prompt=none-temp=default.csv',
  'toy-base-prompt=none-temp=default.csv',
];

const shoalReady = createShoal().then((shoal) => {
  status.textContent = `Shoal ${shoal.version()} is ready.`;
  return shoal;
});

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text;  // data-derived text is never parsed as HTML
  row.append(td);
}

function show(report) {
  const body = table.tBodies[0];
  body.replaceChildren();
  for (const p of report.populations) {
    const row = document.createElement('tr');
    const d = p.dist_from_diagonal;
    cell(row, p.name);
    cell(row, String(p.individuals));
    cell(row, String(p.words_analysed));
    cell(row, d.mean === null ? '—' : d.mean.toFixed(2));
    cell(row, d.ci95[0] === null ? '—' : `${d.ci95[0].toFixed(2)} – ${d.ci95[1].toFixed(2)}`);
    cell(row, `${p.responses.valid} / ${p.responses.valid + p.responses.invalid}`);
    body.append(row);
  }
  table.hidden = false;
}

async function analyse(files) {
  errorBox.hidden = true;
  const shoal = await shoalReady;
  const outcome = shoal.analyseColor(files, {
    format: 'auto', columns: '', population: '', pairs: document.getElementById('pairs').value,
    deltaE: 'cie76', reference: '', seed: Number(document.getElementById('seed').value) || 0, jsdSamples: 20000,
  });
  if (!outcome.ok) {
    errorBox.textContent = outcome.error.message;
    errorBox.hidden = false;
    return;
  }
  show(JSON.parse(outcome.report));
}

document.getElementById('color-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const picked = [...document.getElementById('files').files];
  const files = await Promise.all(picked.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
  await analyse(files);
});

document.getElementById('example').addEventListener('click', async () => {
  const files = await Promise.all(exampleFiles.map(async (name) => {
    const response = await fetch(`examples/${encodeURIComponent(name)}`);
    return { name, bytes: new Uint8Array(await response.arrayBuffer()) };
  }));
  await analyse(files);
});
