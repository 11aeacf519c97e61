#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so `npm install && npm start`
// and `npx newsbrief` work on a fresh clone without a separate build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
