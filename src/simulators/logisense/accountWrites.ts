import { childContainerKeys, itemIdentity, readChildren, type PatchType } from './children';
import { checkBodyIdentity, item, planContactCreate, planContactUpdate } from './contactWrites';
import { accountDto, addressDto, contactDto, contactPointDto } from './dto';
import { ErrorCode, type ResultItem } from './envelopes';
import { checkAccountContactTypes, checkRef, type Step, type WriteContext } from './rules';
import { ACCOUNT_SPEC } from './specs';
import type { AccountRow } from './store';
import { readFields } from './validation';

/**
 * Account writes. A v6 Contact has no account key, so a contact joins an account as a child of
 * the account: `<contacts>.items[]` beside an empty `details` (seed 004; `details.<contacts>`
 * with `patchChildrenAt: 'details'`) with `patchType: "create"` in `PATCH Account/{id}` (or in
 * `POST Account`), its contact points and address nested the same way one level down (vendor
 * notes §3, first of the ranked options; child key and attach/detach are switches).
 */

type Lookup = { identity: number; isDefault: boolean };

/** Every reference of an account, with the default used when the field is omitted (notes §2.3). */
function references(ctx: WriteContext) {
  const { store } = ctx;
  return [
    { key: 'currencyId', rows: store.currencies as ReadonlyMap<number, Lookup>, entity: 'Currency' },
    { key: 'accountStatusTypeId', rows: store.accountStatusTypes as ReadonlyMap<number, Lookup>, entity: 'AccountStatusType' },
    { key: 'accountTypeId', rows: store.accountTypes as ReadonlyMap<number, Lookup>, entity: 'AccountType' },
    { key: 'billGroupId', rows: store.billGroups as ReadonlyMap<number, Lookup>, entity: 'BillGroup' },
  ] as const;
}

export function planAccountCreate(ctx: WriteContext, body: Record<string, unknown>): Step[] {
  const { store, switches } = ctx;
  const key = switches.accountContactsKey;
  const f = readFields(ACCOUNT_SPEC, body, 'create', '', ctx, childContainerKeys(switches, [key]));
  const refs: Record<string, number> = {};
  for (const ref of references(ctx)) {
    const given = f[ref.key];
    if (given !== undefined) checkRef(ctx, ref.rows, given, '', ref.key, ref.entity);
    const fallback = [...ref.rows.values()].find((r) => r.isDefault)?.identity ?? 0;
    refs[ref.key] = typeof given === 'number' ? given : fallback;
  }
  const children = readChildren(body, '', { [key]: ['create'] }, ctx);
  const accountRef: { row: AccountRow | null } = { row: null };
  const steps: Step[] = [
    () => {
      const now = ctx.now();
      const row: AccountRow = {
        identity: store.nextId('account'),
        name: f['name'] as string,
        currencyId: refs['currencyId'] ?? 0,
        accountStatusTypeId: refs['accountStatusTypeId'] ?? 0,
        accountTypeId: refs['accountTypeId'] ?? 0,
        billGroupId: refs['billGroupId'] ?? 0,
        created: now,
        lastUpdate: now,
        effectiveCancel: (f['effectiveCancel'] as number | null | undefined) ?? null,
        contactIds: [],
      };
      store.accounts.set(row.identity, row);
      accountRef.row = row;
      return [item(row.identity, 'created', 'account', undefined, accountDto(store, row))];
    },
  ];
  const finalTypes: number[] = [];
  for (const child of children[key] ?? []) {
    const plan = planContactCreate(ctx, child.body, child.path, {
      ...(child.patchClientId === undefined ? {} : { patchClientId: child.patchClientId }),
      onCreated: (id) => accountRef.row?.contactIds.push(id),
    });
    if (plan.finalTypeId !== undefined) finalTypes.push(plan.finalTypeId);
    steps.push(...plan.steps);
  }
  checkAccountContactTypes(ctx, null, finalTypes, '');
  return steps;
}

/** `PUT Account/{id}` (fields only) or `PATCH Account/{id}` (fields and child contacts). */
export function planAccountUpdate(ctx: WriteContext, account: AccountRow, body: Record<string, unknown>, mode: 'put' | 'patch'): Step[] {
  const { store, switches } = ctx;
  const key = switches.accountContactsKey;
  const handled = new Set(['identity']);
  if (mode === 'patch') for (const k of childContainerKeys(switches, [key])) handled.add(k);
  checkBodyIdentity(ctx, body, account.identity, '');
  const f = readFields(ACCOUNT_SPEC, body, 'update', '', ctx, handled);
  if (typeof f['name'] === 'string' && f['name'].trim() === '') {
    ctx.problems.push({ code: ErrorCode.required, message: 'name cannot be empty.' });
  }
  for (const ref of references(ctx)) {
    if (f[ref.key] !== undefined) checkRef(ctx, ref.rows, f[ref.key], '', ref.key, ref.entity);
  }
  const patchTypes: PatchType[] =
    switches.contactLink === 'accountPatchCreateOrAttach' ? ['create', 'update', 'delete', 'attach', 'detach'] : ['create', 'update', 'delete'];
  const children = mode === 'patch' ? readChildren(body, '', { [key]: patchTypes }, ctx) : {};
  const childItems = children[key] ?? [];

  const steps: Step[] = [
    () => {
      // Children are objects of their own: a PATCH that only touches them leaves the account as it was.
      const changed = mode === 'put' || Object.keys(f).length > 0;
      assignAccountFields(account, f);
      // The stamp moves on every write, even two within one clock tick, so it tells versions apart.
      if (changed) account.lastUpdate = Math.max(ctx.now(), account.lastUpdate + 1);
      if (!changed && switches.patchParentItem === 'whenChanged') return [];
      return [item(account.identity, changed ? 'updated' : 'retrieved', 'account', undefined, accountDto(store, account))];
    },
  ];
  const final = new Map<number | string, number>(store.contactsOf(account).map((c) => [c.identity, c.contactTypeId]));
  const seen = new Set<number>();
  childItems.forEach((child, i) => {
    const clientId = child.patchClientId === undefined ? {} : { patchClientId: child.patchClientId };
    if (child.patchType === 'create') {
      const plan = planContactCreate(ctx, child.body, child.path, { ...clientId, onCreated: (id) => account.contactIds.push(id) });
      if (plan.finalTypeId !== undefined) final.set(`new-${i}`, plan.finalTypeId);
      steps.push(...plan.steps);
      return;
    }
    const id = itemIdentity(child, ctx);
    if (id === undefined) return;
    if (seen.has(id)) {
      ctx.problems.push({ code: ErrorCode.ruleViolation, message: `${child.path}.identity ${id} appears in more than one item.` });
      return;
    }
    seen.add(id);
    const contact = store.contacts.get(id);
    const linked = account.contactIds.includes(id);
    if (child.patchType === 'attach') {
      if (!contact) {
        ctx.problems.push({ code: ErrorCode.unknownReference, message: `${child.path}.identity ${id} does not refer to an existing Contact.` });
      } else if (linked) {
        ctx.problems.push({ code: ErrorCode.ruleViolation, message: `${child.path}: contact ${id} already belongs to account ${account.identity}.` });
      } else {
        final.set(id, contact.contactTypeId);
        steps.push(() => {
          account.contactIds.push(id);
          return [item(id, 'attached', 'contact', child.patchClientId, contactDto(store, contact))];
        });
      }
      return;
    }
    if (!contact || !linked) {
      ctx.problems.push({ code: ErrorCode.unknownReference, message: `${child.path}.identity ${id} is not a contact of account ${account.identity}.` });
      return;
    }
    if (child.patchType === 'update') {
      const plan = planContactUpdate(ctx, contact, child.body, child.path, { mode: 'patch', ...clientId, skipAccountId: account.identity });
      final.set(id, plan.finalTypeId ?? contact.contactTypeId);
      steps.push(...plan.steps);
    } else if (child.patchType === 'delete') {
      final.delete(id);
      steps.push(() => {
        const instance = contactDto(store, contact);
        const { points, address } = store.deleteContact(id);
        // A delete answer lists every object the cascade removed (notes §3).
        const out: ResultItem[] = [item(id, 'deleted', 'contact', child.patchClientId, instance)];
        for (const p of points) out.push(item(p.identity, 'deleted', 'contactPoint', undefined, contactPointDto(store, p)));
        if (address) out.push(item(address.identity, 'deleted', 'address', undefined, addressDto(store, address)));
        return out;
      });
    } else {
      final.delete(id);
      steps.push(() => {
        account.contactIds = account.contactIds.filter((c) => c !== id);
        return [item(id, 'detached', 'contact', child.patchClientId, contactDto(store, contact))];
      });
    }
  });
  checkAccountContactTypes(ctx, account.identity, final.values(), '');
  return steps;
}

function assignAccountFields(row: AccountRow, f: Record<string, unknown>): void {
  if (typeof f['name'] === 'string') row.name = f['name'];
  for (const key of ['currencyId', 'accountStatusTypeId', 'accountTypeId', 'billGroupId'] as const) {
    const v = f[key];
    if (typeof v === 'number') row[key] = v;
  }
  const cancel = f['effectiveCancel'];
  if (typeof cancel === 'number' || cancel === null) row.effectiveCancel = cancel;
}
