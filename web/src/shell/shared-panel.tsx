// The panel of a page opened from a shared link: the parameters it set, the
// files it expects and whether each is there, and fetching those it points to.
import type { LoadedFile } from '../files';
import type { ShareState } from '../share';

// What the reader has to do for the files: nothing for those the link
// carries, which are restored from it.
function whatToDo(state: ShareState): string {
  const carried = state.files.filter((e) => e.data !== undefined).length;
  const needed = state.files.length - carried;
  const checked = 'each is checked against the fingerprint in the link before anything runs';
  if (needed === 0) {
    return `The link carries the data: ${carried === 1 ? 'the file is' : `all ${carried} files are`} restored from it, and ` +
      `${checked}. There is nothing to add: run the analyses once the list below shows every file matching.`;
  }
  const drop = state.files.some((e) => e.url && e.data === undefined)
    ? 'fetch them or drop your copies in' : 'drop your copies in';
  return carried === 0
    ? `The analysis needs these files; ${drop}, and ${checked}.`
    : `The link carries ${carried} of the files, restored from it; for the other ${needed}, ${drop}, and ${checked}.`;
}

export function SharedPanel({ state, files, toolVersion, onFetch }:
  { state: ShareState | null; files: LoadedFile[]; toolVersion: string; onFetch: () => void }) {
  if (!state) return <div id="shared-panel" class="shared-panel" hidden />;
  const remote = state.files.filter((e) => e.url && !e.data && !files.some((f) => f.name === e.name));
  const origins = [...new Set(remote.map((e) => new URL(e.url!).origin))];
  return (
    <div id="shared-panel" class="shared-panel">
      <p id="shared-intro">{(state.analysisFile
        ? `The analysis file ${state.analysisFile} (Shoal ${state.tool}) set the parameters. ` +
          'The analysis needs these files; drop your copies in, and each is checked against the SHA-256 in the file before anything runs.'
        : `This page was opened from a shared link (Shoal ${state.tool}): the parameters are set as shared. ` + whatToDo(state))}</p>
      {toolVersion && state.tool !== toolVersion
        ? <p class="notice" id="shared-version">{`The ${state.analysisFile ? 'analysis file' : 'link'} was made by Shoal ${state.tool}; ` +
          `this page is Shoal ${toolVersion}. Numbers can differ between versions: to reproduce the analysis exactly, open the ` +
          `${state.analysisFile ? 'file' : 'link'} with that version.`}</p>
        : null}
      <ul>
        {state.files.map((e) => {
          const present = files.find((f) => f.name === e.name);
          const status = !present ? 'missing' : present.mismatch ? 'mismatch' : 'matched';
          const words = {
            missing: e.data !== undefined ? 'being restored from the link' : 'waiting for this file',
            mismatch: 'a different file was given', matched: 'matches',
          }[status];
          return <li key={e.name} class={status} data-expected={e.name}>
            {`${e.name} (${e.size === undefined ? '' : `${e.size.toLocaleString()} bytes, `}SHA-256 ${e.sha256.slice(0, 12)}…): ${words}`}</li>;
        })}
      </ul>
      {remote.length > 0
        ? <>
          <button type="button" id="fetch-shared" onClick={onFetch}>
            {`Fetch ${remote.length} file${remote.length === 1 ? '' : 's'} from ${origins.join(', ')}`}</button>
          <p class="hint">Fetching asks those servers for the files; nothing is sent but the request.</p>
        </>
        : null}
    </div>
  );
}
