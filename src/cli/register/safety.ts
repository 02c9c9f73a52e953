import type { Registration } from '../program.js';

export function registerSafety({ program, lazy }: Registration): void {
  void program;
  void lazy;
}
