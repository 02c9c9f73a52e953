import type { Registration } from '../program.js';

export function registerScheduling({ program, lazy }: Registration): void {
  void program;
  void lazy;
}
