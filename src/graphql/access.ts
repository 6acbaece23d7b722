import {
  GraphQLError,
  OperationTypeNode,
  getArgumentValues,
  getVariableValues,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { Principal, Scope } from '../auth/principal';
import { collectFields } from './limits/shape';

/**
 * The scopes an operation needs, judged before it runs (DESIGN §10 Access): a query `read`; a
 * mutation field `write` (creates, updates) or `delete` (deletes), unless every input it holds
 * is `dryRun: true` — a dry run writes nothing and needs only `read`. A mutation holding both
 * kinds needs both. Inputs are read with the request's variables as execution will coerce
 * them; variables that do not coerce need every scope the fields could need (execution
 * refuses them anyway).
 */
export function scopeFor(args: {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  variables: Readonly<Record<string, unknown>>;
}): readonly Scope[] {
  const { schema, operation } = args;
  if (operation.operation !== OperationTypeNode.MUTATION) return ['read'];
  const mutation = schema.getMutationType();
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], args.variables);
  const needed = new Set<Scope>();
  const fields = mutation?.getFields() ?? {};
  for (const group of collectFields([operation.selectionSet], args.fragments).values()) {
    for (const { node } of group) {
      const name = node.name.value;
      if (name === '__typename') continue;
      const def = fields[name];
      if (!def || coerced.errors) {
        needed.add(scopeOfField(name));
        continue;
      }
      let values: Record<string, unknown>;
      try {
        values = getArgumentValues(def, node, coerced.coerced);
      } catch {
        needed.add(scopeOfField(name));
        continue;
      }
      if (!onlyDryRuns(values)) needed.add(scopeOfField(name));
    }
  }
  return needed.size === 0 ? ['read'] : WRITE_SCOPES.filter((s) => needed.has(s));
}

/** The order a refusal names missing scopes in. */
const WRITE_SCOPES: readonly Scope[] = ['write', 'delete'];

/** Deletes need `delete`; every other mutation field `write`. */
function scopeOfField(name: string): Scope {
  return name.startsWith('delete') ? 'delete' : 'write';
}

/** Every input (`input`, or each of `inputs`) says `dryRun: true`; a field without any writes. */
function onlyDryRuns(values: Record<string, unknown>): boolean {
  const inputs = 'inputs' in values ? values['inputs'] : 'input' in values ? [values['input']] : null;
  if (!Array.isArray(inputs)) return false;
  return inputs.every((i) => (i as { dryRun?: unknown } | null)?.dryRun === true);
}

/**
 * FORBIDDEN naming the first missing scope, or null when the principal may run the operation.
 * A dry run is allowed with `read`, or with `write` or `delete` (whoever may write may plan a write).
 */
export function forbiddenFor(principal: Principal, needed: Scope | readonly Scope[], mutation: boolean): GraphQLError | null {
  const scopes: readonly Scope[] = typeof needed === 'string' ? [needed] : needed;
  const missing = scopes.find((s) => !principal.scopes.has(s) && !(s === 'read' && mutation && (principal.scopes.has('write') || principal.scopes.has('delete'))));
  if (missing === undefined) return null;
  const what =
    missing === 'write'
      ? 'A mutation that writes (not every input is dryRun: true)'
      : missing === 'delete'
        ? 'A delete (not every input is dryRun: true)'
        : mutation
          ? 'A dry run'
          : 'A query';
  const also = missing === 'delete' && principal.scopes.has('write') ? ' ("write" does not allow deletes)' : '';
  return new GraphQLError(`${what} needs the "${missing}" scope, which this credential (${principal.id}) does not have${also}`, {
    extensions: { code: 'FORBIDDEN', scope: missing, http: { status: 403 } },
  });
}

/** The answer at `remoteData` for a principal without `raw`: the field alone is refused. */
export function rawForbidden(principal: Principal): string | null {
  return principal.scopes.has('raw') ? null : `remoteData needs the "raw" scope, which this credential (${principal.id}) does not have`;
}
