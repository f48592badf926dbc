#!/usr/bin/env node
// The `safedist` command runs the TypeScript sources directly through tsx, so it works right after
// `npm install` on a fresh clone with no build step.
import { register } from 'tsx/esm/api';

register();
// A reader that stops early (`safedist … | head`) closes the pipe: that is not an error of ours.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
