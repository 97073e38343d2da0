#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so there is no build step between
// editing scripts/ and using them.
import { register } from 'tsx/esm/api';

register();
// tsx turns on source maps, which cost a fair part of start-up; stack traces
// (shown only with GONGWEN_DEBUG) keep them.
if (!process.env.GONGWEN_DEBUG) process.setSourceMapsEnabled(false);
const { main } = await import('../scripts/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
