// Workers first: Monaco reads MonacoEnvironment when GraphiQL loads it.
import './workers';
import 'graphiql/style.css';
import './page.css';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadExampleTabs } from './examples';
import { createFetcher } from './fetcher';

/**
 * crmgraph's playground: GraphiQL 5 (Monaco editors with schema-aware completion and errors,
 * docs explorer, history, variables and headers editors) talking to the endpoint that served
 * this page. Every file it loads comes from the gateway (see src/playground/README.md).
 */
async function main(): Promise<void> {
  const mount = document.getElementById('graphiql');
  if (!mount) throw new Error('the playground page has no #graphiql element');
  // The page is served at the GraphQL endpoint itself, whatever path a proxy gives it.
  const endpoint = window.location.pathname;
  const tabs = await loadExampleTabs(new URL('examples.json', import.meta.url));
  const first = tabs[0];
  createRoot(mount).render(
    <StrictMode>
      <GraphiQL
        fetcher={createFetcher(endpoint)}
        {...(first ? { defaultTabs: tabs } : {})}
        // GraphiQL 5 opens the first default tab with its query but not its variables (the
        // variables editor starts from `initialVariables` alone), so they are handed over that
        // way, on a first visit only: later GraphiQL restores the tabs the user left.
        {...(first?.variables && !hasSavedTabs() ? { initialVariables: first.variables } : {})}
        defaultEditorToolsVisibility="variables"
      />
    </StrictMode>,
  );
}

/** Whether GraphiQL has tabs of an earlier visit to restore (its own key in localStorage). */
function hasSavedTabs(): boolean {
  try {
    return window.localStorage.getItem('graphiql:tabState') !== null;
  } catch {
    // No storage (a locked-down profile): GraphiQL has nothing to restore either.
    return false;
  }
}

void main();
