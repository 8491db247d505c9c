// A print figure as PNG at a given resolution: exactly the column's width
// in pixels at that many dots per inch, and the resolution written into the
// file (its pHYs chunk) so that layout programs place it at its size.
import type { PrintedFigure } from './export-render';
import { crc32 } from './zip';

export const PNG_DPI = [300, 600] as const;

export function pixelWidth(widthMm: number, dpi: number): number {
  return Math.round((widthMm / 25.4) * dpi);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

// Inserts pHYs (pixels per metre) after the header chunk, which a PNG's
// first 33 bytes always are (signature 8, IHDR 25).
export function withResolution(png: Uint8Array, dpi: number): Uint8Array<ArrayBuffer> {
  const perMetre = Math.round(dpi / 0.0254);
  const data = new Uint8Array(9);
  const view = new DataView(data.buffer);
  view.setUint32(0, perMetre);
  view.setUint32(4, perMetre);
  data[8] = 1;   // the unit is the metre
  const phys = chunk('pHYs', data);
  const out = new Uint8Array(png.length + phys.length);
  out.set(png.subarray(0, 33), 0);
  out.set(phys, 33);
  out.set(png.subarray(33), 33 + phys.length);
  return out;
}

export async function printPng(figure: PrintedFigure, dpi: number): Promise<Uint8Array<ArrayBuffer>> {
  const width = pixelWidth(figure.preset.widthMm, dpi);
  const height = Math.round((width * figure.units[1]) / figure.units[0]);
  const drawn = await figure.view.toCanvas(width / figure.units[0]) as HTMLCanvasElement;
  // Vega rounds the canvas to whole pixels its own way: draw onto one of
  // exactly the size the resolution asks for.
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw a PNG (no 2D canvas).');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.drawImage(drawn, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => { canvas.toBlob(resolve, 'image/png'); });
  if (!blob) throw new Error('This browser could not encode the PNG.');
  return withResolution(new Uint8Array(await blob.arrayBuffer()), dpi);
}
