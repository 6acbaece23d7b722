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
 * The scope an operation needs, judged before it runs (DESIGN §10 Access): a query `read`; a
 * mutation `write`, unless every create input it holds is `dryRun: true` — a dry run writes
 * nothing and needs only `read`. Inputs are read with the request's variables as execution
 * will coerce them; variables that do not coerce need `write` (execution refuses them anyway).
 */
export function scopeFor(args: {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  variables: Readonly<Record<string, unknown>>;
}): Scope {
  const { schema, operation } = args;
  if (operation.operation !== OperationTypeNode.MUTATION) return 'read';
  const mutation = schema.getMutationType();
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], args.variables);
  if (!mutation || coerced.errors) return 'write';
  const fields = mutation.getFields();
  for (const group of collectFields([operation.selectionSet], args.fragments).values()) {
    for (const { node } of group) {
      if (node.name.value === '__typename') continue;
      const def = fields[node.name.value];
      if (!def) return 'write';
      let values: Record<string, unknown>;
      try {
        values = getArgumentValues(def, node, coerced.coerced);
      } catch {
        return 'write';
      }
      if (!onlyDryRuns(values)) return 'write';
    }
  }
  return 'read';
}

/** Every create input (`input`, or each of `inputs`) says `dryRun: true`; a field without any writes. */
function onlyDryRuns(values: Record<string, unknown>): boolean {
  const inputs = 'inputs' in values ? values['inputs'] : 'input' in values ? [values['input']] : null;
  if (!Array.isArray(inputs)) return false;
  return inputs.every((i) => (i as { dryRun?: unknown } | null)?.dryRun === true);
}

/**
 * FORBIDDEN naming the missing scope, or null when the principal may run the operation. A dry
 * run is allowed with `read` or with `write` (whoever may write may plan a write).
 */
export function forbiddenFor(principal: Principal, needed: Scope, mutation: boolean): GraphQLError | null {
  if (principal.scopes.has(needed)) return null;
  if (needed === 'read' && mutation && principal.scopes.has('write')) return null;
  const what = needed === 'write' ? 'A mutation that writes (not every input is dryRun: true)' : mutation ? 'A dry run' : 'A query';
  return new GraphQLError(`${what} needs the "${needed}" scope, which this credential (${principal.id}) does not have`, {
    extensions: { code: 'FORBIDDEN', scope: needed, http: { status: 403 } },
  });
}

/** The answer at `remoteData` for a principal without `raw`: the field alone is refused. */
export function rawForbidden(principal: Principal): string | null {
  return principal.scopes.has('raw') ? null : `remoteData needs the "raw" scope, which this credential (${principal.id}) does not have`;
}
