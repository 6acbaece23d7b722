import { join } from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';

/*
 * Typed documents for this client from the gateway's own SDL (`schema/*.graphql`), so the
 * client is checked against the contract without a running gateway. Paths are anchored here,
 * so it runs from any directory (`npm run frontend:codegen` runs it from the repository root).
 */
const here = __dirname;

const config: CodegenConfig = {
  schema: join(here, '..', '..', 'schema', '*.graphql'),
  documents: [join(here, 'src', '**', '*.ts'), `!${join(here, 'src', 'gql', '**')}`],
  ignoreNoDocuments: false,
  generates: {
    [join(here, 'src', 'gql') + '/']: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Documents are typed strings: `fetch` sends them as they are, no GraphQL runtime in the page.
        documentMode: 'string',
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        // The gateway's scalars as they travel in JSON (Decimal is an exact string; ids are strings).
        scalars: { ID: 'string', Date: 'string', DateTime: 'string', Decimal: 'string', JSON: 'unknown' },
      },
    },
  },
};

export default config;
