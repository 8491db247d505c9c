// The Share section: what the link carries, the files' addresses when it
// carries addresses, and the link, copied.
import { useState } from 'preact/hooks';
import type { LoadedFile } from '../files';
import { buildLink, linkFile, TooLargeToEmbed } from '../share-ui';

type ShareMode = 'reference' | 'embed' | 'urls';

// Past this many characters many chat and mail programs cut a link.
const LONG_LINK = 100_000;

interface Outcome {
  status: string;
  link: string | null;
  // Why another kind of link would serve better, with a button to make it.
  warning: string | null;
}

// `definitions`: the analysis files of the page's analyses as Run would
// make them now; a link is these, plus the data or addresses it carries.
export function SharePanel({ files, definitions }: { files: LoadedFile[]; definitions: () => Promise<string[]> }) {
  const [mode, setMode] = useState<ShareMode>('reference');
  const [urls, setUrls] = useState<Record<number, string>>({});
  const [outcome, setOutcome] = useState<Outcome>({ status: '', link: null, warning: null });

  const copyLink = async (chosen: ShareMode) => {
    try {
      const addresses = Object.fromEntries(Object.entries(urls).map(([id, url]) => [id, url.trim()]));
      const link = await buildLink(await definitions(), files.map(linkFile), chosen, addresses);
      let copied = true;
      try {
        await navigator.clipboard.writeText(link);
      } catch {
        copied = false;
      }
      setOutcome({
        status: `${copied ? 'Copied' : 'Select and copy'} the link (${link.length.toLocaleString('en')} characters).`,
        link,
        warning: chosen === 'embed' && link.length > LONG_LINK
          ? `This link is ${link.length.toLocaleString('en')} characters long: many chat and mail programs ` +
            `cut links longer than ${LONG_LINK.toLocaleString('en')} characters, and a cut link restores nothing. The link with ` +
            'names and SHA-256 fingerprints is short; the reviewer drops in their own copies of the files.'
          : null,
      });
    } catch (error) {
      // No link was made: an earlier one left in the box would pass for this one.
      setOutcome(error instanceof TooLargeToEmbed
        ? {
          status: 'No link was copied: the data are too large to embed.', link: null,
          warning: `${error.message} The link with the files' names and SHA-256 fingerprints is short whatever their size: ` +
            'the reviewer drops in their own copies, and each is checked before anything runs.',
        }
        : { status: error instanceof Error ? error.message : String(error), link: null, warning: null });
    }
  };

  // Switches to the link with names and fingerprints and copies it: short
  // whatever the size of the data.
  const byReference = () => {
    setMode('reference');
    void copyLink('reference');
  };

  const choice = (value: ShareMode, text: string) => (
    <label class="inline"><input type="radio" name="share-mode" value={value} checked={mode === value}
      onChange={() => setMode(value)} /> {text}</label>
  );
  return (
    <section aria-labelledby="share-heading">
      <h2 id="share-heading">4. Share</h2>
      <p>A link that restores this analysis — files, settings, labels, parameters and seed — for a reviewer. It
        travels in the part of the URL that browsers never send to a server.</p>
      <fieldset class="share-mode">
        <legend>What the link carries</legend>
        {choice('reference', 'Names and SHA-256 fingerprints of the files: the reviewer drops in their own copies, which are checked')}
        {choice('embed', 'The data themselves, compressed (only for small, shareable data)')}
        {choice('urls', 'Public https addresses of the files, fetched only after the reviewer agrees')}
      </fieldset>
      <div id="share-urls" class="share-urls">
        {mode === 'urls'
          ? files.map((f) => (
            <label key={f.id}>{`${f.name}: `}
              <input type="url" name={`share-url-${f.id}`} placeholder="https://…" value={urls[f.id] ?? ''}
                onInput={(e) => { const value = e.currentTarget.value; setUrls((u) => ({ ...u, [f.id]: value })); }} />
            </label>
          ))
          : null}
      </div>
      <button id="share-button" type="button" disabled={files.length === 0 || files.some((f) => f.state !== 'inspected')}
        onClick={() => { setOutcome((o) => ({ ...o, warning: null })); void copyLink(mode); }}>Copy link</button>
      <p id="share-status" role="status" aria-live="polite">{outcome.status}</p>
      <div id="share-warning" class="warning" hidden={outcome.warning === null}>
        {outcome.warning !== null
          ? <><p>{outcome.warning}</p>
            <button type="button" id="share-by-reference" onClick={byReference}>Copy the link with fingerprints instead</button></>
          : null}
      </div>
      <label id="share-link-label" hidden={outcome.link === null}>Share link <textarea id="share-link" readonly rows={3}
        value={outcome.link ?? ''} /></label>
    </section>
  );
}
