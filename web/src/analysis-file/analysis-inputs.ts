// The files an analysis of the page takes, exactly as its run sends them to
// the module: the same list makes the run's report, its analysis file and
// its command line.
import { analysable, toJobFile, type LoadedFile } from '../files';
import type { ShareState } from '../share';
import type { JobFile } from '../worker/protocol';
import type { RunnableAnalysis } from './command-line';

// The files Run analyses, in the order of the analysis a link or an analysis
// file restored (the order of the inputs is the analysis' order), the others
// after them as listed.
export function runBatch(files: LoadedFile[], shared: ShareState | null): LoadedFile[] {
  const batch = files.filter(analysable);
  if (!shared) return batch;
  const place = new Map(shared.files.map((e, i) => [e.name, i]));
  const ranked = batch.map((f, i) => ({ f, rank: place.get(f.name) ?? shared.files.length + i }));
  return ranked.sort((a, b) => a.rank - b.rank).map((r) => r.f);
}

// `batch`: the files to analyse (analysable ones); `all`: every file listed,
// where the words' ratings are found (they are not analysed themselves).
export function analysisResponses(batch: LoadedFile[], analysis: RunnableAnalysis): LoadedFile[] {
  return batch.filter((f) => f.inspection?.task === analysis);
}

// The first file of words' ratings, for the colour analysis' word-rating fits.
export function wordNormsFile(all: LoadedFile[]): LoadedFile | null {
  return all.find((f) => f.inspection?.task === 'word-norms') ?? null;
}

// The files of `analysis` as its jobs take them; for a run (`forRun`) with
// the bytes the page kept of them (see keepBytes).
export function analysisJobFiles(batch: LoadedFile[], all: LoadedFile[], analysis: RunnableAnalysis, forRun = false): JobFile[] {
  const files = analysisResponses(batch, analysis).map((f) => toJobFile(f, forRun));
  const norms = analysis === 'color' ? wordNormsFile(all) : null;
  if (files.length > 0 && norms) files.push({ ...toJobFile(norms), settings: { ...norms.settings, format: 'word-norms' } });
  return files;
}
