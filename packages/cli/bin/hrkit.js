#!/usr/bin/env node
// The `hrkit` command. Runs the built CLI (dist/); `npm ci` builds it (root `prepare: tsc -b`).
import { main } from '../dist/cli/main.js';

// `hrkit sync --events - | head`: the reader went away; stop quietly (undelivered events stay in the outbox).
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const code = await main(process.argv);
// Exit explicitly once output is flushed: keep-alive sockets must not keep a finished command running.
process.stdout.write('', () => process.exit(code));
