// A report longer than one string of the browser may be (a study of a few
// hundred thousand concepts writes more than 256 MB) comes from the worker as
// a Blob: the page could not parse it, let alone draw it, so it is saved
// whole and the run ends saying so, rather than losing the analysis.
import { download } from '../download';

export function savedTooLongReport(analysis: 'colour' | 'similarity', blob: Blob): Error {
  const name = `shoal-${analysis === 'colour' ? 'color' : 'concept'}-report.json`;
  download(name, blob, 'application/json');
  const megabytes = (blob.size / 1e6).toFixed(0);
  return new Error(`The ${analysis} report is ${megabytes} MB, more than the page can draw: it was saved to your downloads as ${name}, ` +
    'the report the command line writes for these files and settings.');
}
