import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildClientSchema, buildSchema as schemaFromSdl, introspectionFromSchema, printSchema } from 'graphql';
import { buildSchema } from '../../src/graphql/schema';
import { schemaSdl } from '../../src/playground/sdl';

const ROOT = join(__dirname, '..', '..');
const run = promisify(execFile);

/** `npm run schema:print`'s command, without npm in between. */
function printSchemaScript(...args: string[]) {
  return run(
    process.execPath,
    [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'scripts', 'print-schema.ts'), ...args],
    {
      cwd: ROOT,
    },
  );
}

describe('the schema as SDL', () => {
  const schema = buildSchema();

  it('is printSchema of the schema, printed once', () => {
    expect(schemaSdl(schema)).toBe(printSchema(schema));
    expect(schemaSdl(schema)).toBe(schemaSdl(schema));
  });

  it('says exactly what introspection of the schema says', () => {
    expect(schemaSdl(schema)).toBe(printSchema(buildClientSchema(introspectionFromSchema(schema))));
  });

  it('is a complete schema on its own, with every type of schema/*.graphql', () => {
    const rebuilt = schemaFromSdl(schemaSdl(schema));
    for (const name of Object.keys(schema.getTypeMap()).filter((n) => !n.startsWith('__'))) {
      expect({ name, present: rebuilt.getType(name) !== undefined }).toEqual({ name, present: true });
    }
  });
});

describe('npm run schema:print', () => {
  const sdl = schemaSdl(buildSchema());

  it('writes the SDL to stdout', async () => {
    const { stdout } = await printSchemaScript();
    expect(stdout).toBe(`${sdl}\n`);
  }, 30_000);

  it('writes the SDL to the file it is given', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'crmgraph-sdl-')), 'schema.graphql');
    const { stdout } = await printSchemaScript(file);
    expect(stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(`${sdl}\n`);
  }, 30_000);

  it('refuses arguments it does not know', async () => {
    await expect(printSchemaScript('a', 'b')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('usage'),
    });
  }, 30_000);
});
