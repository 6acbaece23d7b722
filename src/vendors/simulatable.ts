import { z } from 'zod';

/** Keys every vendor's simulator supplies for a `"simulator": true` source. */
export const SIMULATOR_SUPPLIES_ALWAYS = ['baseUrl', 'credentials'] as const;

/**
 * Written beside `"simulator": true`, a key the simulator fills in would be silently replaced,
 * so it is refused instead.
 */
const suppliedBySimulator = z
  .never({ error: 'is supplied by the built-in simulator: remove it, or remove "simulator": true' })
  .optional();

type Supplied<K extends string> = { [P in K]: typeof suppliedBySimulator };

/**
 * A vendor's source as a config file may write it: either the vendor's own schema (real
 * endpoint and credentials), or `"simulator": true` without the keys the simulator supplies
 * (`baseUrl`, `credentials` and the vendor's own, e.g. Pipeliner `spaceId`). The branch is
 * chosen by `simulator`, so a real source missing `baseUrl` is told exactly that.
 */
export function simulatable<Shape extends z.core.$ZodShape, K extends string>(
  schema: z.ZodObject<Shape, z.core.$strict>,
  vendorKeys: readonly K[],
) {
  const supplied = Object.fromEntries(
    [...SIMULATOR_SUPPLIES_ALWAYS, ...vendorKeys].map((key) => [key, suppliedBySimulator]),
  ) as Supplied<K | (typeof SIMULATOR_SUPPLIES_ALWAYS)[number]>;
  return z.discriminatedUnion('simulator', [
    schema.extend({ simulator: z.literal(false).optional() }),
    schema.extend({ ...supplied, simulator: z.literal(true) }),
  ]);
}
