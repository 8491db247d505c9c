// Each figure's export for print: a journal column preset and a format.
import { h } from '../dom';
import { download } from '../download';
import { PRINT_FORMATS, printFiles, type PrintFormat } from './export-files';
import { PRINT_PRESETS } from './print-presets';

export function exportMenu(figure: string, caption: string, build: () => object): HTMLElement {
  const preset = h('select', { 'data-export-preset': figure, 'aria-label': `Column width for ${caption}` },
    ...PRINT_PRESETS.map((p) => h('option', { value: p.id }, p.label)));
  const format = h('select', { 'data-export-format': figure, 'aria-label': `File format for ${caption}` },
    ...PRINT_FORMATS.map((f) => h('option', { value: f.id }, f.label)));
  const status = h('span', { class: 'figure-export-status', role: 'status' });
  const button = h('button', { type: 'button', class: 'download', 'data-export': figure }, 'Export');
  button.addEventListener('click', () => {
    const chosen = PRINT_PRESETS.find((p) => p.id === preset.value) ?? PRINT_PRESETS[0];
    button.disabled = true;
    status.textContent = 'Preparing…';
    void printFiles(figure, caption, build, chosen, [format.value as PrintFormat])
      .then(([file]) => {
        download(file.name, file.content);
        status.textContent = '';
      })
      .catch((error: unknown) => { status.textContent = error instanceof Error ? error.message : String(error); })
      .finally(() => { button.disabled = false; });
  });
  return h('div', { class: 'figure-export', style: 'margin-top:0.3rem' }, 'For print: ', preset, ' ', format, ' ', button, ' ', status);
}
