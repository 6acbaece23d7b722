import type { GraphiQLProps } from 'graphiql';

type Tab = NonNullable<GraphiQLProps['defaultTabs']>[number];

/** One entry of `examples.json`: `ExampleOperation` of src/playground/examples.ts. */
interface Example {
  title: string;
  query: string;
  variables?: Record<string, unknown>;
}

/**
 * The gateway's example operations as GraphiQL tabs. GraphiQL uses them only when the browser
 * has no tabs of its own saved yet. A missing or broken list is no reason not to open the IDE.
 */
export async function loadExampleTabs(url: URL): Promise<Tab[]> {
  try {
    const res = await fetch(url, { headers: { accept: 'application/json' } });
    if (!res.ok) return [];
    const body = (await res.json()) as { examples?: unknown };
    return Array.isArray(body.examples) ? body.examples.filter(isExample).map(toTab) : [];
  } catch {
    return [];
  }
}

function isExample(value: unknown): value is Example {
  const e = value as Partial<Example> | null;
  return typeof e?.title === 'string' && typeof e.query === 'string';
}

/** A tab shows its operation's name; the title goes in a comment so the tab says what it is for. */
function toTab(e: Example): Tab {
  const query = e.query.trimStart().startsWith('#') ? e.query : `# ${e.title}\n${e.query}`;
  return { query, variables: e.variables ? JSON.stringify(e.variables, null, 2) : null };
}
