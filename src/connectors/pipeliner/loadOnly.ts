import { pipelinerAccount, pipelinerContact, SLOTS } from './wire';

/*
 * Pipeliner's `load-only` (vendor notes §4): a list asks only for the fields the client
 * selected, so a page of 50 contacts' names and e-mails is a tenth of the full records to
 * read, parse and check. Only list rows are loaded this way: they are never primed into an
 * operation's loaders (only the relations that come with them are, and a relation named here
 * and expanded arrives whole), so a read of another field of the same record later in the
 * operation reads it in full instead of finding a partial one.
 */

/** Wire fields each selected GraphQL field is mapped from; a field not listed loads everything. */
type FieldSources = Readonly<Record<string, readonly string[]>>;

const slots = (prefix: string) => Array.from({ length: SLOTS }, (_, i) => `${prefix}${i + 1}`);
const JOB_TITLE = ['primary_account_position', 'account_position', 'position'];

const CONTACT: FieldSources = {
  id: [],
  remoteId: [],
  source: [],
  __typename: [],
  firstName: ['first_name'],
  middleName: ['middle_name'],
  lastName: ['last_name'],
  name: ['formatted_name'],
  title: ['title'],
  jobTitle: JOB_TITLE,
  emails: slots('email'),
  phones: slots('phone'),
  primaryAccount: ['primary_account'],
  // Without expanded relations the primary link is read from `primary_account`.
  accounts: ['account_relations', 'primary_account', ...JOB_TITLE],
  owner: ['owner_id', 'owner'],
  createdAt: ['created'],
  updatedAt: ['modified'],
  version: ['revision'],
};

const ACCOUNT: FieldSources = {
  id: [],
  remoteId: [],
  source: [],
  __typename: [],
  name: ['name'],
  emails: slots('email'),
  phones: slots('phone'),
  website: ['home_page'],
  address: ['address', 'city', 'state_province', 'zip_code', 'country'],
  owner: ['owner_id', 'owner'],
  // Lists of their own, by the account's id.
  contacts: [],
  opportunities: [],
  createdAt: ['created'],
  updatedAt: ['modified'],
  version: ['revision'],
};

/** What a list of contacts loads: its `load-only` (undefined = every field), and what of the primary account. */
export interface ContactLoad {
  loadOnly: string[] | undefined;
  /**
   * When the primary account is read for a few fields only, those (GraphQL names): it is then
   * loaded with just them (`primary_account.name`), and answers only a selection within them.
   */
  primaryAccount?: ReadonlySet<string>;
}

/** GraphQL fields every record answers from its id and source alone. */
const IDENTITY = ['id', 'remoteId', 'source', '__typename'];

/** `load-only` for a list of contacts whose rows answer `selected` (`relation.field` for one level below). */
export function contactLoad(selected: ReadonlySet<string>): ContactLoad {
  const own = new Set([...selected].filter((name) => !name.includes('.')));
  const fields = loadOnly(CONTACT, pipelinerContact.required, own);
  // Accounts also come whole through `accounts`; one account is never loaded two ways at once.
  if (!fields || !own.has('primaryAccount') || own.has('accounts')) return { loadOnly: fields };
  const nested = new Set([...selected].filter((n) => n.startsWith('primaryAccount.')).map((n) => n.slice('primaryAccount.'.length)));
  const accountFields = loadOnly(ACCOUNT, pipelinerAccount.required, nested);
  if (!accountFields) return { loadOnly: fields };
  return {
    loadOnly: [...fields.filter((f) => f !== 'primary_account'), ...accountFields.map((f) => `primary_account.${f}`)],
    primaryAccount: new Set([...IDENTITY, ...nested]),
  };
}

/** `load-only` for a list of accounts whose rows answer `selected`; undefined = every field. */
export function accountLoadOnly(selected: ReadonlySet<string>): string[] | undefined {
  return loadOnly(ACCOUNT, pipelinerAccount.required, selected);
}

/** The wire fields `selected` is mapped from, and those every record of the entity must have. */
function loadOnly(sources: FieldSources, required: readonly string[], selected: Iterable<string>): string[] | undefined {
  const fields = new Set(required);
  for (const name of selected) {
    // `remoteData` is the record as received, and a field this table does not know may need
    // anything: both load the whole record.
    const wire = sources[name];
    if (!wire) return undefined;
    for (const f of wire) fields.add(f);
  }
  return [...fields];
}
