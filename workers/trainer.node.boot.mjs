// Boots the TypeScript Node worker: registers tsx's loader inside the worker thread (execArgv
// loaders are not applied to worker threads on Node 20), then imports the real entry.
import { register } from 'tsx/esm/api';

register();
await import('./trainer.node.ts');
