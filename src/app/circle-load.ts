// A circle against its natural size (about 5, 15, 50, 150 people): `add` and
// `edit` say so at once when they take one past it, rather than at the next
// review.
import type { Kysely } from 'kysely';
import { isOverloaded } from '../core/review/circles.js';
import { CIRCLES, NATURAL_SIZE, type Circle } from '../core/vocabulary.js';
import type { Database } from '../db/schema.js';

export interface CircleLoad {
  circle: Circle;
  size: number;
  natural: number;
  /** The next circle out, where people can move. */
  wider: Circle;
}

/** The circle's size when it is over its natural size; null when it is within it (or has none). */
export async function circleLoad(db: Kysely<Database>, circle: string): Promise<CircleLoad | null> {
  const known = CIRCLES.find((c) => c === circle);
  const natural = known === undefined ? null : NATURAL_SIZE[known];
  if (known === undefined || natural === null) return null;
  const { n } = await db
    .selectFrom('contacts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('circle', '=', known)
    .where('archived_at', 'is', null)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  const size = Number(n);
  if (!isOverloaded(known, size)) return null;
  return { circle: known, size, natural, wider: CIRCLES[Math.min(CIRCLES.indexOf(known) + 1, CIRCLES.length - 1)] };
}
