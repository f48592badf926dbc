import type { SafeDistApi } from '../../shared/contract.ts';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser, where api/index.ts builds it over HTTP. */
    safedist?: SafeDistApi;
  }
}
