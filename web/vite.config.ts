/**
 * The case page: one classic script and one stylesheet with relative paths, so `web/dist/index.html`
 * opens from disk (file://, where browsers refuse module scripts) as well as from `casesim serve`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Module scripts and CORS-mode links do not load from file://; the bundle is a plain IIFE, so drop both. */
function classicScripts(): Plugin {
  return {
    name: 'casesim-classic-scripts',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html
          .replace(/<script type="module" crossorigin src=/g, '<script defer src=')
          .replace(/<script type="module" src=/g, '<script defer src=')
          .replace(/ crossorigin(?=[ >])/g, ''),
    },
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [classicScripts()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      output: { format: 'iife' },
    },
  },
  server: { host: '127.0.0.1', fs: { allow: ['..'] } },
});
