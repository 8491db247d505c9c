// Serves a folder of static files on localhost, nothing else: the page must
// work from any static host, so this adds no behaviour of its own. It sends
// the headers docs/deploy.md asks of a host: no framing by other pages, and
// no guessing of a file's type from its content.
//   node scripts/serve.mjs DIR [PORT] [--cors] [--base /sub/path/]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(process.argv[2] ?? '.');
const port = Number(process.argv[3] ?? 8080);
// --cors: allow any page to read the files, as a public data host would.
const cors = process.argv.includes('--cors');
// --base: serve DIR under a sub-path only, as a project page or a lab's web
// server would (everything outside it is 404).
const baseIndex = process.argv.indexOf('--base');
const base = baseIndex > 0 ? process.argv[baseIndex + 1] : '/';
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.csv': 'text/csv',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json',
};

// The page sets the rest of its policy itself (in a <meta> tag, which
// cannot carry frame-ancestors); a connect-src here would also block the
// data hosts a reviewer agrees to.
const HOST_HEADERS = { 'content-security-policy': "frame-ancestors 'none'", 'x-content-type-options': 'nosniff' };

createServer(async (request, response) => {
  try {
    const url = new URL(request.url, 'http://localhost');
    if (!url.pathname.startsWith(base)) throw new Error('outside the base path');
    let file = path.join(root, decodeURIComponent(url.pathname.slice(base.length - 1)));
    if (!file.startsWith(root)) throw new Error('outside the site');
    if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
    const body = await readFile(file);
    response.writeHead(200, {
      ...HOST_HEADERS,
      'content-type': types[path.extname(file)] ?? 'application/octet-stream',
      ...(cors ? { 'access-control-allow-origin': '*' } : {}),
    });
    response.end(body);
  } catch {
    response.writeHead(404, { ...HOST_HEADERS, 'content-type': 'text/plain' });
    response.end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} on http://localhost:${port}${base}`));
