import Ajv, { type ValidateFunction } from 'ajv';
import { z } from 'zod';

/**
 * A vendor record's wire schema: the fields crmgraph reads are checked, every other field the
 * vendor sent is kept (for `remoteData`), and the answer is the vendor's own object.
 *
 * Why not `z.looseObject`: it copies every field of every record into a new object, the
 * undeclared ones (most of a CRM record) through a slow generic path. Why not even a plain
 * `z.object`: zod builds its answer as it checks (an object per record, a result per field),
 * two fifths of what the gateway allocated on a 50-record page, and that garbage is collected
 * on every operation's clock. So the declared fields become a JSON Schema (zod's own export)
 * compiled by ajv into a check that allocates nothing on a valid record; only a record it
 * refuses goes through zod, whose issues (field paths, messages) are what callers report.
 * Sound because the export is exact: wire schemas only check (no transforms, defaults or
 * refinements; `assertChecksOnly` refuses a shape that has one). The check is compiled at a
 * record's first use (all of them at start would cost about 0.4 s); a test builds every
 * vendor's records, so a shape zod cannot export fails there, not on a vendor's answer.
 * `required` names the fields a record cannot be without, for a vendor's "load only these
 * fields".
 */
export function wireRecord<S extends z.ZodRawShape>(shape: S) {
  assertChecksOnly(shape);
  const declared = z.object(shape);
  let check: ValidateFunction | null = null;
  const record = z
    .unknown()
    .superRefine((value, ctx) => {
      check ??= compiledCheck(declared);
      if (check(value)) return;
      const checked = declared.safeParse(value);
      if (!checked.success) for (const issue of checked.error.issues) ctx.addIssue({ ...issue, input: value });
    })
    .transform((value) => value as z.output<z.ZodObject<S, z.core.$loose>>);
  WIRE_RECORDS.set(record, declared);
  return Object.assign(record, { required: requiredFields(shape) });
}

const ajv = new Ajv({ strict: true, allowUnionTypes: true });

/**
 * The ajv check of a record's declared fields. Undeclared fields stay open (the vendor's own);
 * a nested wire record is checked by its declared fields too, inline.
 */
function compiledCheck(declared: z.ZodObject): ValidateFunction {
  return ajv.compile(exported(declared));
}

function exported(declared: z.ZodObject): Record<string, unknown> {
  const { $schema: _draft, ...schema } = z.toJSONSchema(declared, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'throw',
    override: (ctx) => {
      const nested = WIRE_RECORDS.get(ctx.zodSchema);
      if (nested) Object.assign(ctx.jsonSchema, exported(nested));
    },
  });
  return schema;
}

/** The declared fields a record cannot be without (a request that leaves them out is refused). */
function requiredFields(shape: z.ZodRawShape): readonly string[] {
  // Asked of an object, not of the field's schema alone: zod accepts `undefined` for
  // `z.unknown()` but still refuses an object without that key.
  return Object.entries(shape)
    .filter(([name, schema]) => !z.object({ [name]: schema }).safeParse({}).success)
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
    // A refinement is code, not schema: the compiled check could not see it.
    const checks = (def['checks'] as Array<{ _zod: { def: { check: string } } }> | undefined) ?? [];
    if (checks.some((c) => c._zod.def.check === 'custom')) throw new TypeError(`wire field ${path} has a refinement: a wire record may only check types`);
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

/** Every wire record, with the object of its declared fields. */
const WIRE_RECORDS = new WeakMap<object, z.ZodObject>();
