import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

/**
 * The renderer build, shared by `npm run build:renderer` (web mode, e2e) and electron.vite.config.ts, so the
 * browser and the desktop app load the same out/renderer. Paths are relative to the repository root, where
 * npm scripts and electron-vite run (this file may not import Node built-ins: it lives in renderer/).
 */
export const rendererConfig: UserConfig = {
  root: 'renderer',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    // Chromium of Electron 45 and current browsers; no legacy transforms.
    target: 'chrome130',
    sourcemap: false,
    reportCompressedSize: false,
  },
};

export default defineConfig(rendererConfig);
