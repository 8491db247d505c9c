// The files a figure exports for print, by preset and format; shared by
// each figure's export menu and the figure-set ZIP.
import { safeFileName } from '../download';
import type { PrintPreset } from './print-presets';
import { printPng } from './export-png';

export type PrintFormat = 'svg' | 'png300' | 'png600' | 'pdf';

export const PRINT_FORMATS: { id: PrintFormat; label: string }[] = [
  { id: 'svg', label: 'SVG' },
  { id: 'png300', label: 'PNG, 300 dpi' },
  { id: 'png600', label: 'PNG, 600 dpi' },
  { id: 'pdf', label: 'PDF' },
];

export interface PrintFile { name: string; content: Blob }

export function printFileName(figure: string, preset: PrintPreset, format: PrintFormat): string {
  const base = `${safeFileName(figure)}-${preset.widthMm}mm`;
  return format === 'svg' ? `${base}.svg` : format === 'pdf' ? `${base}.pdf` : `${base}-${format.slice(3)}dpi.png`;
}

// Draws the figure for the preset once and writes it in each format asked.
// The print renderer (Vega and Vega-Lite with it) and the PDF writer load
// with the first export that needs them.
export async function printFiles(figure: string, caption: string, build: () => object, preset: PrintPreset, formats: PrintFormat[]): Promise<PrintFile[]> {
  const { printFigure } = await import('./export-render');
  const printed = await printFigure(build, preset);
  try {
    const files: PrintFile[] = [];
    for (const format of formats) {
      const name = printFileName(figure, preset, format);
      if (format === 'svg') {
        files.push({ name, content: new Blob([printed.svg], { type: 'image/svg+xml' }) });
      } else if (format === 'pdf') {
        const { printPdf } = await import('./export-pdf');
        files.push({ name, content: new Blob([await printPdf(printed, caption)], { type: 'application/pdf' }) });
      } else {
        files.push({ name, content: new Blob([await printPng(printed, format === 'png300' ? 300 : 600)], { type: 'image/png' }) });
      }
    }
    return files;
  } finally {
    printed.view.finalize();
  }
}
