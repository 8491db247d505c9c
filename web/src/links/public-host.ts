// Whether a URL's host is one a link may make the reviewer's browser reach:
// a public DNS name or a public IP address. Judged on the host as the URL
// parser leaves it (IPv4 in dotted decimal whatever its spelling in the link,
// IPv6 compressed and lower-case, names in ASCII), so that no spelling of a
// private address gets through: trailing dots, IPv6 forms that carry an IPv4
// address (mapped, compatible, NAT64, 6to4, Teredo), and the wildcard DNS
// names that resolve to the address written in them (127.0.0.1.nip.io,
// 10-0-0-1.sslip.io, c0a80001.nip.io, --1.sslip.io).
//
// A name can still resolve to a private address (DNS rebinding): no page can
// see where a name resolves. The page's policy then limits connections to
// the exact addresses the reviewer agreed to (docs/privacy.md).

// Names reserved for local or special use (RFC 6761, 6762, 8375, 9476 and
// common intranet suffixes), and public names known to resolve to 127.0.0.1.
const LOCAL_SUFFIXES = ['localhost', 'local', 'internal', 'intranet', 'lan', 'home', 'corp', 'localdomain', 'home.arpa',
  'arpa', 'test', 'example', 'invalid', 'onion', 'alt', 'localtest.me', 'lvh.me', 'vcap.me', 'lacolhost.com'];

const isSuffix = (host: string, suffix: string) => host === suffix || host.endsWith(`.${suffix}`);

// a.b.c.d, each 0-255 in decimal without leading zeros: the parser's form.
function ipv4(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p))) return null;
  const bytes = parts.map(Number);
  return bytes.every((b) => b <= 255) ? bytes : null;
}

// The same, leniently, for addresses written into names: leading zeros too.
function looseIpv4(parts: string[]): number[] | null {
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const bytes = parts.map(Number);
  return bytes.every((b) => b <= 255) ? bytes : null;
}

export function publicIpv4([a, b, c]: number[]): boolean {
  return !(a === 0 || a === 10 || a === 127 || a >= 224 ||                 // this network, private, loopback, multicast, reserved
    (a === 100 && b >= 64 && b < 128) ||                                    // shared address space (carrier NAT)
    (a === 169 && b === 254) || (a === 172 && b >= 16 && b < 32) || (a === 192 && b === 168) ||
    (a === 192 && b === 0 && (c === 0 || c === 2)) || (a === 192 && b === 88 && c === 99) ||   // protocol, documentation, 6to4 relay
    (a === 198 && (b === 18 || b === 19)) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113));
}

// Eight 16-bit groups, or null when the text is not an IPv6 address.
function ipv6(text: string): number[] | null {
  let body = text.toLowerCase();
  const tail: number[] = [];
  const dotted = body.match(/^(.*:)(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const v4 = ipv4(dotted[2]);
    if (!v4) return null;
    body = `${dotted[1]}0:0`;
    tail.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
  }
  const halves = body.split('::');
  if (halves.length > 2) return null;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const [head, rest] = [groups(halves[0]), halves.length === 2 ? groups(halves[1]) : []];
  if (![...head, ...rest].every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  const missing = 8 - head.length - rest.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const all = [...head, ...Array(missing).fill('0'), ...rest].map((g) => parseInt(g, 16));
  if (tail.length) all.splice(6, 2, ...tail);
  return all;
}

// Global unicast (2000::/3) outside every block that is special, carries an
// IPv4 address or is set aside for documentation.
export function publicIpv6(g: number[]): boolean {
  const [a, b] = g;
  if (a < 0x2000 || a > 0x3fff) return false;            // ::/8 (loopback, mapped, compatible), ULA, link-local, multicast, 64:ff9b::/96
  if (a === 0x2001 && b < 0x0200) return false;          // IETF protocol assignments: Teredo 2001::/32, benchmarking, ORCHID
  if (a === 0x2001 && b === 0x0db8) return false;        // documentation
  if (a === 0x2002) return false;                        // 6to4: an IPv4 address in bits 16-48
  if (a === 0x3fff && b < 0x1000) return false;          // documentation (3fff::/20)
  return true;
}

// An IPv4 or IPv6 address written into a name for a wildcard DNS service:
// dotted across labels, dashed or as eight hex digits within a label, or an
// IPv6 address with '-' for ':'. Every address found must be public.
function embedsPrivateAddress(labels: string[]): boolean {
  for (let i = 0; i + 4 <= labels.length; i++) {
    const v4 = looseIpv4(labels.slice(i, i + 4));
    if (v4 && !publicIpv4(v4)) return true;
  }
  for (const label of labels) {
    const runs = label.split('-');
    for (let i = 0; i + 4 <= runs.length; i++) {
      const v4 = looseIpv4(runs.slice(i, i + 4));
      if (v4 && !publicIpv4(v4)) return true;
    }
    const hex = label.match(/(?:^|-)([0-9a-f]{8})$/);
    if (hex) {
      const n = parseInt(hex[1], 16);
      if (!publicIpv4([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255])) return true;
    }
    if (label.includes('--') && !label.startsWith('xn--')) {
      const v6 = ipv6(label.replace(/-/g, ':'));
      if (v6 && !publicIpv6(v6)) return true;
    }
  }
  return false;
}

// A DNS name of letters, digits and hyphens (IDNs arrive as xn-- labels),
// at least two labels, a top-level label that is not a number.
function dnsLabels(host: string): string[] | null {
  const labels = host.split('.');
  if (labels.length < 2 || host.length > 253) return null;
  if (!labels.every((l) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(l))) return null;
  if (/^\d+$/.test(labels[labels.length - 1])) return null;
  return labels;
}

// `hostname` as URL.hostname gives it (IPv6 in brackets).
export function isPublicHost(hostname: string): boolean {
  let host = hostname.toLowerCase();
  if (host.startsWith('[')) {
    if (!host.endsWith(']')) return false;
    const v6 = ipv6(host.slice(1, -1));
    return v6 !== null && publicIpv6(v6);
  }
  // One trailing dot names the same host ("localhost." is localhost).
  if (host.endsWith('.')) host = host.slice(0, -1);
  const v4 = ipv4(host);
  if (v4) return publicIpv4(v4);
  const labels = dnsLabels(host);
  if (!labels) return false;
  if (LOCAL_SUFFIXES.some((suffix) => isSuffix(host, suffix))) return false;
  return !embedsPrivateAddress(labels);
}

// The page's own host counts as local (a development server, an intranet)
// when it is not public by the same rule.
export const isLocalHost = (hostname: string) => !isPublicHost(hostname);
