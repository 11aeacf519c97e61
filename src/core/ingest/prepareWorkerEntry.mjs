// Worker threads do not inherit tsx's in-process registration (bin/newsbrief.js, vitest):
// register it here, then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./prepareWorker.ts');
