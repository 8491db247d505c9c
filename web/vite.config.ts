import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const fromHere = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const publicDir = fromHere('../build/public');

function filesUnder(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

// Writes sw.js, the offline cache, listing every file of the build.
function serviceWorker(): Plugin {
  return {
    name: 'shoal-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = ['./', ...Object.keys(bundle), ...filesUnder(publicDir)].map((f) => (f === './' ? f : `./${f}`));
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 16);
      const source = readFileSync(fromHere('./service-worker.js'), 'utf8')
        .replace('__VERSION__', version)
        .replace('__FILES__', JSON.stringify(files.map((f) => encodeURI(f))));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

// The web app manifest and its icon under fixed names, so that the manifest's
// relative addresses hold wherever the site is hosted.
function installable(): Plugin {
  return {
    name: 'shoal-installable',
    apply: 'build',
    // Added after Vite has rewritten the page's own links, so it stays as written.
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'link', attrs: { rel: 'manifest', href: './manifest.webmanifest' }, injectTo: 'head' }],
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'manifest.webmanifest', source: readFileSync(fromHere('./manifest.webmanifest'), 'utf8') });
      this.emitFile({ type: 'asset', fileName: 'icon.svg', source: readFileSync(fromHere('./src/icon.svg'), 'utf8') });
    },
  };
}

// Relative base: the built site works from any sub-path of a static host.
// The wasm module comes from the CMake build; the example files are
// generated into build/public by the project's scripts.
export default defineConfig({
  base: './',
  publicDir,
  plugins: [installable(), serviceWorker()],
  resolve: { alias: { '@shoal-wasm': fromHere('../build/wasm') } },
  worker: { format: 'es' },
  build: { outDir: fromHere('../build/site'), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
  server: { fs: { allow: [fromHere('..')] } },
});
