// What the file list says at a glance, and whether a run may start.
import { analysable, formatBytes, type LoadedFile } from './files';

export interface FileSummary {
  line: string;            // "61 files: 1 word–colour, 60 similarity, 101.7 MB"
  excluded: LoadedFile[];  // inspected, but not analysable
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export function fileSummary(files: LoadedFile[]): FileSummary {
  const bytes = files.reduce((t, f) => t + f.size, 0);
  const count = (task: string) => files.filter((f) => analysable(f) && f.inspection?.task === task).length;
  const excluded = files.filter((f) => f.state === 'inspected' && !analysable(f));
  const reading = files.filter((f) => f.state === 'reading').length;
  const checking = files.filter((f) => f.state === 'inspecting').length;
  const parts = [
    count('color') > 0 ? `${count('color')} word–colour` : '',
    count('concept') > 0 ? `${count('concept')} similarity` : '',
    excluded.length > 0 ? `${excluded.length} not analysed` : '',
    reading > 0 ? `${reading} being read` : '',
    checking > 0 ? `${checking} being checked` : '',
    formatBytes(bytes),
  ].filter(Boolean);
  return { line: `${plural(files.length, 'file')}: ${parts.join(', ')}`, excluded };
}

export interface Readiness {
  ok: boolean;
  reason: string;  // why Run is disabled, or what it will analyse
}

export function readiness(files: LoadedFile[], sharedReady: boolean): Readiness {
  if (files.length === 0) return { ok: false, reason: 'Add files to begin.' };
  const reading = files.filter((f) => f.state === 'reading');
  const inspecting = files.filter((f) => f.state === 'inspecting');
  if (reading.length > 0 || inspecting.length > 0) {
    const read = files.filter((f) => f.state !== 'reading').reduce((t, f) => t + f.size, 0);
    const all = files.reduce((t, f) => t + f.size, 0);
    const checked = files.length - reading.length - inspecting.length;
    return {
      ok: false,
      reason: `Run waits until every file is read and checked: ${checked} of ${files.length} checked, ` +
        `${formatBytes(read)} of ${formatBytes(all)} read.`,
    };
  }
  const mismatched = files.filter((f) => f.mismatch);
  if (mismatched.length > 0) return { ok: false, reason: `${plural(mismatched.length, 'file')} differ from the shared analysis: replace them first.` };
  if (!sharedReady) return { ok: false, reason: 'The shared analysis needs more files: see the list above.' };
  const ready = files.filter(analysable);
  if (ready.length === 0) return { ok: false, reason: 'None of the files can be analysed: see the messages in the file list.' };
  const left = files.length - ready.length;
  return {
    ok: true,
    reason: `Ready to analyse ${plural(ready.length, 'file')}${left > 0 ? ` (${left} left out, see the file list)` : ''}.`,
  };
}
