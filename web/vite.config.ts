import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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

// Writes sw.js, the offline cache: every file of the build with its
// SHA-256, read back from the output folder once everything is written, so
// the hashes are of the bytes a host will serve. The worker caches those
// files only, and serves a cached copy only while it matches.
function serviceWorker(): Plugin {
  let outDir = '';
  return {
    name: 'shoal-service-worker',
    apply: 'build',
    configResolved(config) { outDir = config.build.outDir; },
    writeBundle() {
      const files: Record<string, string> = {};
      for (const file of filesUnder(outDir).sort()) {
        if (file === 'sw.js') continue;
        const hash = createHash('sha256').update(readFileSync(path.join(outDir, file))).digest('hex');
        files[file === 'index.html' ? '' : file] = hash;
      }
      const version = createHash('sha256').update(JSON.stringify(files)).digest('hex').slice(0, 16);
      const source = readFileSync(fromHere('./service-worker.js'), 'utf8')
        .replace('__VERSION__', version)
        .replace('__FILES__', JSON.stringify(files));
      writeFileSync(path.join(outDir, 'sw.js'), source);
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

// What the page needs of the module before any analysis: every setting's
// definition (the form is drawn from it, a share link's fields are checked
// against it) and the tool's version. They are asked of the module built
// with the page, once, here: the page then draws its form and reads a link
// without starting a worker, and starts the workers only when a file needs
// them.
function engineFacts(): Plugin {
  const id = 'virtual:shoal-engine-facts';
  return {
    name: 'shoal-engine-facts',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    async load(resolved) {
      if (resolved !== `\0${id}`) return null;
      const modulePath = path.join(fromHere('../build/wasm'), 'shoal.mjs');
      const { default: createShoal } = await import(pathToFileURL(modulePath).href);
      const shoal = await createShoal({ wasmBinary: readFileSync(modulePath.replace(/\.mjs$/, '.wasm')) });
      return `export const settingsRegistry = ${JSON.stringify(shoal.settingsRegistry())};\n` +
        `export const toolVersion = ${JSON.stringify(shoal.version())};\n`;
    },
  };
}

// Relative base: the built site works from any sub-path of a static host.
// The wasm module comes from the CMake build; the example files are
// generated into build/public by the project's scripts.
export default defineConfig({
  base: './',
  publicDir,
  plugins: [engineFacts(), installable(), serviceWorker()],
  resolve: { alias: { '@shoal-wasm': fromHere('../build/wasm') } },
  worker: { format: 'es' },
  // Vega and Vega-Lite, most of the page's code, load with the first figure
  // (charts/figure.ts) or print export, in a chunk of their own name.
  build: {
    outDir: fromHere('../build/site'), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000,
    rollupOptions: { output: { manualChunks: { vega: ['vega', 'vega-lite'] } } },
  },
  server: { fs: { allow: [fromHere('..')] } },
});
