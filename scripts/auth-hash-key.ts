/**
 * Prints the SHA-256 of an API key (or of the operations token) in the form the config stores:
 * `npm run auth:hash-key -- <key>`, or with no argument the key is read from stdin, which
 * keeps it out of the shell's history: `printf %s "$KEY" | npm run --silent auth:hash-key`.
 */
import { hashKey } from '../src/auth/apiKeys';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.length > 1 || args[0]?.startsWith('-')) {
    process.stderr.write('usage: npm run auth:hash-key -- <key>   (or the key on stdin)\n');
    process.exit(2);
  }
  let key = args[0];
  if (key === undefined) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    // A trailing newline from `echo` is not part of the key.
    key = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  }
  if (!key) {
    process.stderr.write('no key given\n');
    process.exit(2);
  }
  process.stdout.write(`${hashKey(key)}\n`);
}

void main();
