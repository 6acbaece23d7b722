/**
 * Reference operations of the benchmark, with the vendor path that dominates each one and how
 * many vendor round trips it needs one after another (the floor of its latency).
 * Their vendor-request budgets are asserted in test/connectors/pipeliner/budgets.test.ts.
 */
export const REFERENCE_OPERATIONS = [
  {
    name: '50 contacts (names, e-mail)',
    query: '{ contacts(first: 50) { edges { node { name emails } } } }',
    vendorPath: '/entities/Contacts?first=50&order-by=-created',
    sequentialVendorRounds: 1,
  },
  {
    name: '50 contacts + primary account',
    query: '{ contacts(first: 50) { edges { node { name emails primaryAccount { name } } } } }',
    vendorPath: '/entities/Contacts?first=50&order-by=-created&expand=primary_account',
    sequentialVendorRounds: 1,
  },
  {
    name: '20 opportunities + account, contact, stage, currency',
    query:
      '{ opportunities(first: 20) { edges { node { name account { name } primaryContact { name } stage { name } value { amount currency { code } } } } } }',
    vendorPath: '/entities/Opportunities?first=20&order-by=-created&expand=primary_account,primary_contact,step',
    sequentialVendorRounds: 1,
  },
] as const;
