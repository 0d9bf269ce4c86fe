import { ensureBuilt } from './build';

export default function setup(): void {
  ensureBuilt();
}
