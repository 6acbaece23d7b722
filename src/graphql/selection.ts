import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Names of the fields selected on each node of a connection (`edges { node { … } }`), fragments
 * included, and one level below them as `relation.field` (`primaryAccount.name`). Connectors
 * use them to fetch relations with the list call instead of per record, and to ask the vendor
 * only for the fields that are read.
 */
export function selectedNodeFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  for (const field of info.fieldNodes) {
    for (const edges of childFields(field.selectionSet, 'edges', info)) {
      for (const node of childFields(edges.selectionSet, 'node', info)) {
        for (const f of childFields(node.selectionSet, null, info)) {
          names.add(f.name.value);
          for (const sub of childFields(f.selectionSet, null, info)) names.add(`${f.name.value}.${sub.name.value}`);
        }
      }
    }
  }
  return names;
}

/** What `selectedFields` answered for each field of an operation (one per field, shared by list items). */
const selectedCache = new WeakMap<readonly FieldNode[], ReadonlySet<string>>();

/**
 * Names of the fields selected on the object a resolver answers (fragments included). graphql-js
 * hands every item of a list the same `fieldNodes`, so this is computed once per field.
 */
export function selectedFields(info: GraphQLResolveInfo): ReadonlySet<string> {
  let names = selectedCache.get(info.fieldNodes);
  if (!names) {
    const found = new Set<string>();
    for (const field of info.fieldNodes) for (const f of childFields(field.selectionSet, null, info)) found.add(f.name.value);
    selectedCache.set(info.fieldNodes, (names = found));
  }
  return names;
}

/** Fields named `name` (or all when null) directly in a selection set, through fragments. */
function childFields(set: SelectionSetNode | undefined, name: string | null, info: GraphQLResolveInfo): FieldNode[] {
  if (!set) return [];
  const out: FieldNode[] = [];
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      if (name === null || s.name.value === name) out.push(s);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      out.push(...childFields(s.selectionSet, name, info));
    } else {
      const fragment = info.fragments[s.name.value];
      if (fragment) out.push(...childFields(fragment.selectionSet, name, info));
    }
  }
  return out;
}
