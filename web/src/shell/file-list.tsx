// The file list: a summary line that folds a long list away, a card per file,
// and what will not be analysed.
import { useState } from 'preact/hooks';
import { exclusionReason, type LoadedFile } from '../files';
import { fileSummary } from '../file-summary';
import { FileCard, type FileCardEvents } from './file-card';

// A long list folds into its summary (the run bar stays in reach either way).
const FOLD_ABOVE = 12;

export function FileList({ files, events }: { files: LoadedFile[]; events: FileCardEvents }) {
  // Unfolded or folded by the reader: kept, whatever the list's length.
  const [chosen, setChosen] = useState<boolean | null>(null);
  const open = chosen ?? files.length <= FOLD_ABOVE;
  const summary = fileSummary(files);
  const excluded = summary.excluded;
  return (
    <>
      <details id="file-fold" class="file-fold" hidden={files.length === 0} open={open}>
        {/* The fold follows the reader's click (or Enter), not the browser's toggle. */}
        <summary id="file-summary" onClick={(e) => { e.preventDefault(); setChosen(!open); }}>{summary.line}</summary>
        <div id="file-list" class="file-list">
          {files.map((f) => <FileCard key={f.id} file={f} events={events} />)}
        </div>
      </details>
      <p id="file-exclusions" class="exclusions" hidden={excluded.length === 0}>
        {excluded.length === 0 ? '' : `${excluded.length} file${excluded.length === 1 ? '' : 's'} ` +
          `will not be analysed: ${excluded.map((f) => `${f.name} (${exclusionReason(f) ?? f.mismatch})`).join('; ')}.`}
      </p>
    </>
  );
}
