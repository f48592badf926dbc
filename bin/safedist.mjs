#!/usr/bin/env node
// The `safedist` command runs the TypeScript sources directly through tsx, so it works right after
// `npm install` on a fresh clone with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
