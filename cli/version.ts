import pkg from '../package.json' with { type: 'json' };

/** The engine version stamped on every result and shown by `safedist --version`. */
export const ENGINE_VERSION: string = pkg.version;
