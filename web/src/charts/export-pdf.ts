// A print figure as vector PDF, through jsPDF and svg2pdf.js. Loaded only
// when a PDF is asked for: the two libraries are most of the export's size.
// The font is embedded (DejaVu Sans): the PDF standard fonts cannot write
// the minus sign, Δ or most names outside Western European scripts.
import { jsPDF } from 'jspdf';
import { svg2pdf } from 'svg2pdf.js';
import type { PrintedFigure } from './export-render';
import { printFontUrl } from './export-render';

let fontBase64: Promise<string> | null = null;

function loadFont(): Promise<string> {
  fontBase64 ??= (async () => {
    const response = await fetch(printFontUrl());
    if (!response.ok) throw new Error(`The PDF font could not be loaded (${response.status}).`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  })();
  return fontBase64;
}

export async function printPdf(figure: PrintedFigure, title: string): Promise<Uint8Array<ArrayBuffer>> {
  const [width, height] = figure.size;
  const pdf = new jsPDF({ unit: 'pt', format: [width, height], orientation: width > height ? 'landscape' : 'portrait', compress: true, putOnlyUsedFonts: true });
  pdf.addFileToVFS('DejaVuSans.ttf', await loadFont());
  pdf.addFont('DejaVuSans.ttf', 'DejaVu Sans', 'normal');
  pdf.setFont('DejaVu Sans', 'normal');
  pdf.setProperties({ title, creator: 'Shoal' });
  const svg = new DOMParser().parseFromString(figure.svg, 'image/svg+xml').documentElement;
  await svg2pdf(svg, pdf, { x: 0, y: 0, width, height });
  return new Uint8Array(pdf.output('arraybuffer'));
}
