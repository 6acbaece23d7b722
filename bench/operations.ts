/**
 * Reference operations of the benchmark, with the vendor request that dominates each one (as
 * the gateway sends it: `load-only` the selected fields) and how many vendor round trips it
 * needs one after another (the floor of its latency).
 * Their vendor-request budgets are asserted in test/connectors/pipeliner/budgets.test.ts.
 */
export const REFERENCE_OPERATIONS = [
  {
    name: '50 contacts (names, e-mail)',
    query: '{ contacts(first: 50) { edges { node { name emails } } } }',
    vendorPath: '/entities/Contacts?first=50&order-by=-created&load-only=id,formatted_name,email1,email2,email3,email4,email5',
    sequentialVendorRounds: 1,
  },
  {
    name: '50 contacts + primary account',
    query: '{ contacts(first: 50) { edges { node { name emails primaryAccount { name } } } } }',
    vendorPath: '/entities/Contacts?first=50&order-by=-created&expand=primary_account&load-only=id,formatted_name,email1,email2,email3,email4,email5,primary_account.id,primary_account.name',
    sequentialVendorRounds: 1,
  },
  {
    name: '20 opportunities + account, contact, stage, currency',
    query:
      '{ opportunities(first: 20) { edges { node { name account { name } primaryContact { name } stage { name } value { amount currency { code } } } } } }',
    vendorPath: '/entities/Opportunities?first=20&order-by=-created&expand=primary_account,primary_contact,step',
    sequentialVendorRounds: 1,
  },
  {
    name: '10 accounts + their 5 newest contacts (nested)',
    query: '{ accounts(first: 10) { edges { node { name contacts(first: 5) { edges { node { name emails } } } } } } }',
    vendorPath: '/entities/Accounts?first=10&order-by=-created&load-only=id,name',
    sequentialVendorRounds: 2,
  },
] as const;

/**
 * The README's first query, over every vendor at once (each on its own simulator process): the
 * case where the gateway merges sources. Its vendor requests are asserted in the demo tests.
 */
export const ALL_SOURCES_OPERATION = {
  name: 'README query, all four sources',
  query: '{ contacts(first: 5) { totalCount edges { node { name jobTitle emails primaryAccount { name } owner { name } source { id vendor } } } } }',
};
