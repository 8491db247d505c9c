// A file's fingerprint as reports, links and analysis files carry it: its
// SHA-256 in lower-case hex. The page's thread and the workers both take it.
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
