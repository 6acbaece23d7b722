/**
 * Mints a random API key and prints it once, with its SHA-256 and the `auth.apiKeys` entry
 * that holds it: `npm run auth:mint-key -- <id> [scopes, default read]`, e.g.
 * `npm run auth:mint-key -- crm-sync read,write`. Hand the key to the client; only the
 * entry goes into the config.
 */
import { hashKey, mintKey } from '../src/auth/apiKeys';
import { apiKeySchema } from '../src/config/authSchema';

const [id = 'my-client', scopes = 'read', ...rest] = process.argv.slice(2);
const entry = { id, sha256: '', scopes: scopes.split(',').filter(Boolean) };
if (rest.length > 0 || id.startsWith('-')) {
  process.stderr.write('usage: npm run auth:mint-key -- <id> [read,write,raw]\n');
  process.exit(2);
}
const key = mintKey();
entry.sha256 = hashKey(key);
const checked = apiKeySchema.safeParse(entry);
if (!checked.success) {
  process.stderr.write(`not a valid key entry: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}\n`);
  process.exit(2);
}
process.stdout.write(`key:    ${key}\nsha256: ${entry.sha256}\nauth.apiKeys entry: ${JSON.stringify(entry)}\n`);
