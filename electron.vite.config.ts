import { defineConfig } from 'electron-vite';
import { fileURLToPath } from 'node:url';
import { rendererConfig } from './renderer/vite.config.ts';

const file = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/**
 * `npm run build`: the desktop app into out/ — main (ESM, dependencies left to node_modules), preload (one
 * CommonJS file that requires only 'electron', as a sandboxed preload must be; notes/stack.md §1.7) and the
 * renderer (the same config as `npm run build:renderer`).
 */
export default defineConfig({
  main: {
    build: {
      outDir: file('out/main'),
      externalizeDeps: true,
      lib: { entry: file('electron/main/index.ts') },
    },
  },
  preload: {
    build: {
      outDir: file('out/preload'),
      externalizeDeps: false,
      lib: { entry: file('electron/preload/index.ts'), formats: ['cjs'] },
      rollupOptions: { external: ['electron'], output: { entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    ...rendererConfig,
    root: file('renderer'),
    build: {
      ...rendererConfig.build,
      outDir: file('out/renderer'),
      rollupOptions: { input: file('renderer/index.html') },
    },
  },
});
