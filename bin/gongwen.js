#!/usr/bin/env node
// Plain JavaScript down to the command: TypeScript is loaded only when a command needs it (see scripts/cli/typescript.js).
import { main } from '../scripts/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
