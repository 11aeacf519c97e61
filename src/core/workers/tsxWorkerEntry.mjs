// Worker threads do not inherit tsx's in-process registration (bin/newsbrief.js, vitest):
// register it here, then load the TypeScript worker named in workerData.module.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
