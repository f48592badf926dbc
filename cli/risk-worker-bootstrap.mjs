// Worker entry: Node 20 cannot load a .ts worker directly, so register tsx first (shared/notes/stack.md §1.3).
import { register } from 'tsx/esm/api';

register();
await import('./risk-worker.ts');
