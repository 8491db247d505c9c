// A page shown inside another site's frame can be made nearly invisible
// and its buttons clicked by a visitor who believes they are clicking the
// other site. Hosts that can send `frame-ancestors 'none'` stop the framing
// itself (docs/deploy.md); on hosts that cannot (GitHub Pages), the page
// refuses, inside a frame, the clicks that give something away: the
// agreement to fetch data from another host. It says so at the top of the
// page, with a way to open it in a tab of its own.
import { h } from './dom';

export function inFrame(): boolean {
  try {
    return window.top !== window.self;
  } catch {
    return true;  // a cross-origin top that cannot even be compared is a frame
  }
}

const NOTE_ID = 'framed-note';

function showFrameNote() {
  if (document.getElementById(NOTE_ID)) return;
  const open = h('a', { href: location.href, target: '_blank', rel: 'noopener noreferrer' }, 'open Shoal in a tab of its own');
  document.body.prepend(h('p', { id: NOTE_ID, class: 'warning', role: 'alert' },
    'Shoal is shown inside another page. Here it will not fetch anything from other hosts, whatever is clicked: ', open, '.'));
}

// For a consent handler: true (and the note shown) when the page is framed,
// so the handler does nothing.
export function refusedInFrame(): boolean {
  if (!inFrame()) return false;
  showFrameNote();
  return true;
}

if (inFrame()) showFrameNote();
