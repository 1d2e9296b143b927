#!/usr/bin/env node
// The `gradcheck` command: a thin shim over the compiled CLI (built by `npm run build`, which `npm ci` runs).
import { main } from '../dist/src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
