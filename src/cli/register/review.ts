import type { Registration } from '../program.js';

export function registerReview({ program, lazy }: Registration): void {
  void program;
  void lazy;
}
