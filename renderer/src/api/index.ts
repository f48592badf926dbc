import type { SafeDistApi } from '../../../shared/contract.ts';
import { createHttpApi } from './http-client.ts';

/** The app API: the preload's `window.safedist` in Electron, otherwise the HTTP client of web mode. */
export const api: SafeDistApi = window.safedist ?? createHttpApi(window.location.origin);
