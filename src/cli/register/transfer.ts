import type { Registration } from '../program.js';

export function registerTransfer({ program, lazy }: Registration): void {
  void program;
  void lazy;
}
