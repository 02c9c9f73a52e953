import type { Registration } from '../program.js';

export function registerOnboarding({ program, lazy }: Registration): void {
  void program;
  void lazy;
}
