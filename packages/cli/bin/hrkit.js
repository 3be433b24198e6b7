#!/usr/bin/env node
// The `hrkit` command. Runs the built CLI (dist/); `npm ci` builds it (root `prepare: tsc -b`).
import { main } from '../dist/cli/main.js';

const code = await main(process.argv);
// Exit explicitly once output is flushed: keep-alive sockets must not keep a finished command running.
process.stdout.write('', () => process.exit(code));
