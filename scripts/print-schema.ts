/**
 * Prints the gateway's schema as SDL, offline: `npm run schema:print` writes it to stdout,
 * `npm run schema:print -- schema.graphql` to that file. It is the text the gateway serves at
 * `GET /graphql/schema.graphql` (built from `schema/*.graphql` with the resolvers attached), so
 * client generators and IDEs get the served contract without a running gateway or any source.
 */
import { writeFileSync } from 'node:fs';
import { buildSchema } from '../src/graphql/schema';
import { schemaSdl } from '../src/playground/sdl';

const args = process.argv.slice(2);
if (args.length > 1 || args[0]?.startsWith('-')) {
  process.stderr.write('usage: npm run schema:print [-- <file>]\n');
  process.exit(2);
}
// A file ends with a newline; the served text is printSchema's own, which has none.
const text = `${schemaSdl(buildSchema())}\n`;
if (args[0]) writeFileSync(args[0], text);
else process.stdout.write(text);
