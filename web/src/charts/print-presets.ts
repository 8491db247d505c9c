// The journal columns a figure exports for. Apart from the print renderer,
// which brings Vega with it: the export menus list the presets as each
// figure is drawn, and the renderer loads only when an export is asked for.
export interface PrintPreset { id: 'single' | 'double'; label: string; widthMm: number }

// Nature's single and double column widths; many journals' are within a
// few millimetres of them.
export const PRINT_PRESETS: PrintPreset[] = [
  { id: 'single', label: 'single column (89 mm)', widthMm: 89 },
  { id: 'double', label: 'double column (183 mm)', widthMm: 183 },
];
