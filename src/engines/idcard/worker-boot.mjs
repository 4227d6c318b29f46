// Worker entry: Node 20 does not carry `--import tsx` hooks into worker threads, so the
// TypeScript loader is registered here before the real worker module is imported.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
