// Every figure on the page as one ZIP: its screen SVG, the CSV of what it
// draws and its text description, named after the figure; with a print
// preset, also each figure laid out for that column as SVG, PDF and PNG at
// 600 dpi, in a folder named after the width.
import { safeFileName } from '../download';
import { drawnFigures } from './figure';
import { printFiles, type PrintFormat } from './export-files';
import type { PrintPreset } from './print-presets';
import { zipStore, type ZipEntry } from './zip';

export const SET_PRINT_FORMATS: PrintFormat[] = ['svg', 'pdf', 'png600'];

export async function figureSet(preset: PrintPreset | null): Promise<Uint8Array<ArrayBuffer>> {
  const entries: ZipEntry[] = [];
  const problems: string[] = [];
  for (const f of drawnFigures()) {
    const base = safeFileName(f.name);
    entries.push({ name: `${base}.svg`, content: await f.svg() }, { name: `${base}.csv`, content: f.csv }, { name: `${base}.txt`, content: f.summary });
    if (!preset) continue;
    try {
      for (const file of await printFiles(f.name, f.caption, f.print, preset, SET_PRINT_FORMATS)) {
        entries.push({ name: `print-${preset.widthMm}mm/${file.name}`, content: new Uint8Array(await file.content.arrayBuffer()) });
      }
    } catch (error) {
      problems.push(`${f.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  // A figure that could not be drawn for print is named, not dropped silently.
  if (problems.length) entries.push({ name: `print-${preset!.widthMm}mm/NOT-EXPORTED.txt`, content: `${problems.join('\n')}\n` });
  return zipStore(entries);
}
