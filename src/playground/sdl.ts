import { printSchema, type GraphQLSchema } from 'graphql';

/** Where the gateway serves the SDL, beside the endpoint it describes. */
export const SDL_PATH = '/graphql/schema.graphql';

/**
 * Headers of the SDL download: plain text, so a browser shows it and any client can save it,
 * with the file name a "save as" should propose.
 */
export const SDL_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/plain; charset=utf-8',
  'content-disposition': 'inline; filename="schema.graphql"',
};

const printed = new WeakMap<GraphQLSchema, string>();

/**
 * The schema as SDL, exactly as graphql-js prints it: what introspection describes, as one
 * file a client generator or an IDE reads without a running gateway. Printed once per schema
 * (the schema never changes while it is served).
 */
export function schemaSdl(schema: GraphQLSchema): string {
  let sdl = printed.get(schema);
  if (sdl === undefined) {
    sdl = printSchema(schema);
    printed.set(schema, sdl);
  }
  return sdl;
}
