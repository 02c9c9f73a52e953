import type { Registration } from '../program.js';

export function registerOutreach({ program, lazy }: Registration): void {
  void program;
  void lazy;
}
