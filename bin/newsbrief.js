#!/usr/bin/env node
// Runs the TypeScript sources without a separate build step: as one bundle built on first use
// of each version of src/ (sourceBundle.js), or through tsx when that cannot be done.
import { importSource } from './sourceBundle.js';

await importSource(new URL('../src/cli/main.ts', import.meta.url));
