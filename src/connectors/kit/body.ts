/*
 * Helpers for the request bodies creates send. Builders write every field they know and leave
 * the choice of what to omit to one of these, so the rule is stated once per vendor.
 */

type Body = Record<string, unknown>;

/** Leaves out absent, null and empty-text values: for vendors that read a missing field as "not set". */
export function withoutEmpty(body: Body): Body {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

/** Leaves out only undefined values: for vendors where an absent property keeps the tenant's default. */
export function withoutUndefined(body: Body): Body {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}
