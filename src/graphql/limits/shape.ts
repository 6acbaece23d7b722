import {
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * The fields of one selection as GraphQL executes them: grouped by response key (fields of the
 * same key merge), fragments spread into place, each fragment at most once per group — so a
 * fragment spread a thousand times costs one visit, as it does in execution.
 */
export function collectFields(
  sets: readonly SelectionSetNode[],
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
): Map<string, CollectedField[]> {
  const byKey = new Map<string, CollectedField[]>();
  const visited = new Set<string>();
  const walk = (set: SelectionSetNode, typeCondition: string | undefined): void => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        const key = s.alias?.value ?? s.name.value;
        const entry = { node: s, typeCondition };
        const group = byKey.get(key);
        if (group) group.push(entry);
        else byKey.set(key, [entry]);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        walk(s.selectionSet, s.typeCondition?.name.value ?? typeCondition);
      } else if (!visited.has(s.name.value)) {
        visited.add(s.name.value);
        const fragment = fragments.get(s.name.value);
        if (fragment) walk(fragment.selectionSet, fragment.typeCondition.name.value);
      }
    }
  };
  for (const set of sets) walk(set, undefined);
  return byKey;
}

/** One field node of a merged group, with the type condition it was written under (if any). */
export interface CollectedField {
  node: FieldNode;
  typeCondition: string | undefined;
}

export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const out = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) out.set(d.name.value, d);
  return out;
}

/**
 * What a document holds as written (fragments not expanded, so linear): its aliases, and the
 * most times one response key is selected in a single selection set — validation compares the
 * fields of one key pairwise, so a key repeated thousands of times is quadratic work there.
 */
export function writtenShape(document: DocumentNode): { aliases: number; repeats: number } {
  let aliases = 0;
  let repeats = 0;
  const walk = (set: SelectionSetNode): void => {
    const seen = new Map<string, number>();
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (s.alias) aliases += 1;
        const key = s.alias?.value ?? s.name.value;
        const n = (seen.get(key) ?? 0) + 1;
        seen.set(key, n);
        if (n > repeats) repeats = n;
        if (s.selectionSet) walk(s.selectionSet);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        walk(s.selectionSet);
      }
    }
  };
  for (const d of document.definitions) {
    if (d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION) walk(d.selectionSet);
  }
  return { aliases, repeats };
}

/**
 * Deepest field nesting of `operation`. Each fragment definition is measured once and its depth
 * reused wherever it is spread (a fragment that spreads others ten times each stays linear);
 * introspection fields (`__schema`, `__type`) are bounded by the schema and not counted.
 */
export function depthOf(operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): number {
  const memo = new Map<string, number>();
  const inProgress = new Set<string>();
  const fragmentDepth = (name: string): number => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    // A cycle is refused by validation (NoFragmentCycles); here it only must not loop.
    if (!fragment || inProgress.has(name)) return 0;
    inProgress.add(name);
    const depth = setDepth(fragment.selectionSet);
    inProgress.delete(name);
    memo.set(name, depth);
    return depth;
  };
  const setDepth = (set: SelectionSetNode): number => {
    let deepest = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (s.name.value.startsWith('__')) continue;
        deepest = Math.max(deepest, s.selectionSet ? 1 + setDepth(s.selectionSet) : 1);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, setDepth(s.selectionSet));
      } else {
        deepest = Math.max(deepest, fragmentDepth(s.name.value));
      }
    }
    return deepest;
  };
  return setDepth(operation.selectionSet);
}
