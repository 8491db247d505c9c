// The analysis as code: for each analysis the listed files make, the exact
// command line that runs it with the native tool, copied with a button, and
// its analysis file (every setting, each input's name and SHA-256, the
// version) to download; and opening such a file, which sets the parameters
// and lists the inputs it needs, each checked against its SHA-256.
import { useState } from 'preact/hooks';
import type { LoadedFile } from '../files';
import type { ShareState } from '../share';
import { analysisSettings, type Setting } from '../parameters/settings';
import { analysisFileName, commandLine, type RunnableAnalysis } from '../analysis-file/command-line';
import { analysisResponses, runBatch, wordNormsFile } from '../analysis-file/analysis-inputs';

const TITLES: Record<RunnableAnalysis, string> = { color: 'Word–colour associations', concept: 'Conceptual similarity' };

export interface AnalysisPanelProps {
  files: LoadedFile[];
  shared: ShareState | null;
  registry: Setting[];
  values: Record<string, string>;
  // Saves the analysis file of `analysis` as the page would run it now.
  onDownload: (analysis: RunnableAnalysis) => Promise<void>;
  onOpen: (file: File) => void;
}

export function AnalysisPanel({ files, shared, registry, values, onDownload, onOpen }: AnalysisPanelProps) {
  const [status, setStatus] = useState('');
  const batch = runBatch(files, shared);
  const settings = analysisSettings(registry, values);
  const analyses = (['color', 'concept'] as const).filter((a) => analysisResponses(batch, a).length > 0);
  const copy = async (analysis: RunnableAnalysis, text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(`Copied the ${analysis === 'color' ? 'word–colour' : 'similarity'} command.`);
    } catch {
      setStatus('The browser did not allow copying: select the command and copy it.');
    }
  };
  const save = (analysis: RunnableAnalysis) => {
    onDownload(analysis).then(() => setStatus(`Saved ${analysisFileName(analysis)}.`),
      (error: unknown) => setStatus(`The analysis file could not be made: ${error instanceof Error ? error.message : String(error)}`));
  };
  return (
    <section aria-labelledby="analysis-code-heading" id="analysis-code">
      <h2 id="analysis-code-heading">5. The analysis as code</h2>
      <p>The command that runs this analysis with the <code>shoal</code> command-line tool, every setting that differs from
        its defaults written out, and the analysis file that holds every setting and each file's name and SHA-256
        fingerprint: with the files beside it, <code>shoal run</code> writes the report this page writes, byte for byte.
        Every report holds its analysis file too, so <code>shoal run REPORT.json</code> repeats any report.</p>
      {analyses.length === 0
        ? <p class="hint" id="analysis-code-empty">Add files to see the command that runs their analysis.</p>
        : analyses.map((analysis) => {
          const norms = analysis === 'color' ? wordNormsFile(files) : null;
          const command = commandLine(registry, analysis, analysisResponses(batch, analysis), settings[analysis], norms);
          return (
            <div key={analysis} class="analysis-command" data-analysis={analysis}>
              <h3>{TITLES[analysis]}</h3>
              <pre><code data-command={analysis}>{command.text}</code></pre>
              {command.viaAnalysisFile
                ? <p class="hint">The files are read with settings of their own, which one command line cannot give: the
                  command runs the analysis file, saved beside the files.</p>
                : null}
              <button type="button" data-copy-command={analysis} onClick={() => { void copy(analysis, command.text); }}>
                Copy the command</button>{' '}
              <button type="button" data-download-analysis={analysis} onClick={() => save(analysis)}>
                {`Download ${analysisFileName(analysis)}`}</button>
            </div>
          );
        })}
      <p><label>Open an analysis file or a report (or drop it with the files):{' '}
        <input type="file" id="analysis-file-input" accept=".json,application/json"
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            input.value = '';
            if (file) onOpen(file);
          }} /></label></p>
      <p id="analysis-code-status" role="status" aria-live="polite">{status}</p>
    </section>
  );
}
