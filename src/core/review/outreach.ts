// The outreach pipeline in the review: how many people sit at each stage now,
// and the moves between stages during the period.
import { STAGES } from '../outreach.js';

export interface StageCount {
  stage: string;
  count: number;
}

export interface StageMove {
  from_stage: string;
  to_stage: string;
  count: number;
}

export interface OutreachSection {
  /** Every stage, in pipeline order, zeros included. */
  stages: StageCount[];
  /** Moves in the period, along the pipeline. */
  moves: StageMove[];
  /** Targets added in the period. */
  added: number;
  /** Nudges sent in the period. */
  nudges: number;
}

function stageOrder(stage: string): number {
  const i = (STAGES as readonly string[]).indexOf(stage);
  return i === -1 ? STAGES.length : i;
}

export function outreachSection(
  stageCounts: readonly StageCount[],
  moves: readonly StageMove[],
  added: number,
  nudges: number,
): OutreachSection {
  const byStage = new Map<string, number>();
  for (const s of stageCounts) byStage.set(s.stage, (byStage.get(s.stage) ?? 0) + s.count);
  const known = STAGES.map((stage) => ({ stage: stage as string, count: byStage.get(stage) ?? 0 }));
  // A stage outside the contract (from a newer net) is still counted, after the known ones.
  const unknown = [...byStage].filter(([stage]) => stageOrder(stage) === STAGES.length).map(([stage, count]) => ({ stage, count }));
  return {
    stages: [...known, ...unknown],
    moves: moves
      .filter((m) => m.count > 0)
      .map((m) => ({ ...m }))
      .sort((a, b) => stageOrder(a.to_stage) - stageOrder(b.to_stage) || stageOrder(a.from_stage) - stageOrder(b.from_stage)),
    added,
    nudges,
  };
}
