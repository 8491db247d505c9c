import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const fromHere = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Relative base: the built site works from any sub-path of a static host.
// The wasm module comes from the CMake build; the example files are
// generated into build/public by the project's scripts.
export default defineConfig({
  base: './',
  publicDir: fromHere('../build/public'),
  resolve: { alias: { '@shoal-wasm': fromHere('../build/wasm') } },
  worker: { format: 'es' },
  build: { outDir: fromHere('../build/site'), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
  server: { fs: { allow: [fromHere('..')] } },
});
