import type { ExampleOperation } from './examples';

export type { ExampleOperation };

/** What `GET <endpoint>/ide/examples.json` answers; the browser app reads exactly this. */
export interface ExamplesDocument {
  examples: ExampleOperation[];
}
