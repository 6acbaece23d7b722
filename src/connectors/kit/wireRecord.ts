import { z } from 'zod';

/**
 * A vendor record's wire schema: the fields crmgraph reads are checked, every other field the
 * vendor sent is kept (for `remoteData`), and the answer is the vendor's own object.
 *
 * Why not `z.looseObject`: it copies every field of every record into a new object, the
 * undeclared ones (most of a CRM record) through a slow generic path — a tenth of the
 * gateway's CPU on a 50-record page. Here the declared fields are checked by a plain
 * `z.object` (zod compiles it into one function that never looks at undeclared keys) and the
 * checked object itself is returned. Sound because wire schemas only check (no transforms, no
 * defaults): `assertChecksOnly` refuses a shape that would change what it parses. `required`
 * names the fields it cannot be without, for a vendor's "load only these fields".
 */
export function wireRecord<S extends z.ZodRawShape>(shape: S) {
  assertChecksOnly(shape);
  const declared = z.object(shape);
  const record = z
    .unknown()
    .superRefine((value, ctx) => {
      const checked = declared.safeParse(value);
      if (!checked.success) for (const issue of checked.error.issues) ctx.addIssue({ ...issue, input: value } as Parameters<typeof ctx.addIssue>[0]);
    })
    .transform((value) => value as z.output<z.ZodObject<S, z.core.$loose>>);
  WIRE_RECORDS.add(record);
  return Object.assign(record, { required: requiredFields(shape) });
}

/** The declared fields a record cannot be without (a request that leaves them out is refused). */
function requiredFields(shape: z.ZodRawShape): readonly string[] {
  return Object.entries(shape)
    .filter(([, schema]) => !(schema as z.ZodType).safeParse(undefined).success)
    .map(([name]) => name);
}

/** Schema kinds that answer something other than their input. */
const CHANGING = new Set(['transform', 'default', 'prefault', 'catch', 'pipe', 'success', 'nonoptional']);

function assertChecksOnly(shape: z.ZodRawShape): void {
  const seen = new Set<unknown>();
  const visit = (schema: z.core.$ZodType, path: string): void => {
    if (seen.has(schema)) return;
    seen.add(schema);
    const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
    // A nested wire record is itself checked when built; its own transform returns its input.
    if (WIRE_RECORDS.has(schema)) return;
    if (CHANGING.has(def.type)) throw new TypeError(`wire field ${path} is a ${def.type}: a wire record may only check its fields`);
    for (const key of ['innerType', 'element', 'valueType', 'catchall'] as const) {
      const inner = def[key] as z.core.$ZodType | undefined;
      if (inner) visit(inner, path);
    }
    for (const option of (def['options'] as z.core.$ZodType[] | undefined) ?? []) visit(option, path);
    const nested = def['shape'] as Record<string, z.core.$ZodType> | undefined;
    if (nested) for (const [k, v] of Object.entries(nested)) visit(v, `${path}.${k}`);
  };
  for (const [k, v] of Object.entries(shape)) visit(v, k);
}

const WIRE_RECORDS = new WeakSet<object>();
