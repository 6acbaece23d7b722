import type { IncomingHttpHeaders } from 'node:http';
import type { SimResponse } from '../kit';
import { asBlankRecord } from './blankRecord';
import { contactCarrier, personCarrier, saleCarrier, type RenderContext } from './carriers';
import { renderContact, renderPerson, renderSale } from './entities';
import { SoError, badRequest, notFound } from './errors';
import { applyOperations, toOperations } from './patch';
import { blankCompany, blankPerson, blankSale } from './seed';
import { applySelect } from './select';
import type { ContactRec, PersonRec, SaleRec, Store } from './store';
import { assertValid, validateContact, validatePerson, validateSale, type Problems, type Rules } from './validation';
import { readContact, readPerson, readSale, type Read } from './writes';

/**
 * The verb/status matrix shared by Contact, Person and Sale (vendor notes §2): `GET /default`
 * 200 (id 0), `POST` 200 (open question 4) with the saved entity, `GET /{id}` 200/304/404,
 * `PUT` 200 (whole entity replaced; 400 without a body), `PATCH` 200/404/409, `DELETE` 204,
 * `If-Modified-Since` → 304, `If-Unmodified-Since` → 412, `/Simple`, `/Validate`.
 */

type Json = Record<string, unknown>;

export interface CrudContext extends RenderContext {
  rules: Rules;
  now: number;
  saveErrorStatus: 400 | 500;
  postStatus: 200 | 201;
  headers: IncomingHttpHeaders;
  select: string | null;
}

interface Kind<R extends { id: number; updatedDate: number | null }> {
  entity: 'Contact' | 'Person' | 'Sale';
  records(store: Store): Map<number, R>;
  blank(id: number): R;
  defaults(ctx: CrudContext): R;
  read(body: unknown, base: R, ctx: CrudContext): Read<R>;
  /** Server-side derivations after a body is read (stage defaults, probability…). */
  settle(rec: R, given: Set<string>, previous: R | undefined, ctx: CrudContext): void;
  validate(store: Store, rec: R, rules: Rules): Problems;
  render(ctx: RenderContext, rec: R, rules: Rules, withLinks: boolean): Json;
  simple(ctx: RenderContext, rec: R): Json | null;
  save(store: Store, rec: R): void;
  remove(store: Store, id: number): void;
  newId(store: Store): number;
  stamp(rec: R, ctx: CrudContext, isNew: boolean): void;
}

function stampAudit(rec: { createdDate: number | null; updatedDate: number | null; createdById: number; updatedById: number }, ctx: CrudContext, isNew: boolean): void {
  const who = ctx.store.prefs.currentAssociateId;
  if (isNew) {
    rec.createdDate = ctx.now;
    rec.createdById = who;
  }
  rec.updatedDate = ctx.now;
  rec.updatedById = who;
}

const contactKind: Kind<ContactRec> = {
  entity: 'Contact',
  records: (s) => s.contacts,
  blank: blankCompany,
  defaults: (ctx) => ({
    ...blankCompany(0),
    number2: ctx.store.nextContactNumber(),
    associateId: ctx.store.prefs.currentAssociateId,
    businessId: ctx.store.prefs.defaultBusinessId,
    categoryId: ctx.store.prefs.defaultCategoryId,
    countryId: ctx.store.prefs.defaultCountryId,
  }),
  read: (body, base, ctx) => readContact(body, base, ctx.store),
  settle: () => undefined,
  validate: validateContact,
  render: renderContact,
  simple: (ctx, c) => contactCarrier(ctx, c),
  save: (s, r) => s.putContact(r),
  remove: (s, id) => s.deleteContact(id),
  newId: (s) => s.newContactId(),
  stamp: stampAudit,
};

const personKind: Kind<PersonRec> = {
  entity: 'Person',
  records: (s) => s.persons,
  blank: blankPerson,
  defaults: (ctx) => ({
    ...blankPerson(0),
    personNumber: ctx.store.nextPersonNumber(),
    countryId: ctx.store.prefs.defaultCountryId,
  }),
  read: (body, base, ctx) => readPerson(body, base, ctx.store, ctx.dates),
  settle: () => undefined,
  validate: validatePerson,
  render: renderPerson,
  simple: (ctx, p) => personCarrier(ctx, p),
  save: (s, r) => s.putPerson(r),
  remove: (s, id) => s.deletePerson(id),
  newId: (s) => s.newPersonId(),
  stamp: stampAudit,
};

const saleKind: Kind<SaleRec> = {
  entity: 'Sale',
  records: (s) => s.sales,
  blank: blankSale,
  defaults: (ctx) => {
    const type = ctx.store.saleType(ctx.store.prefs.defaultSaleTypeId);
    const stage = ctx.store.stage(type?.stageIds[0] ?? 0);
    return {
      ...blankSale(0),
      number: ctx.store.nextSaleNumber(),
      associateId: ctx.store.prefs.currentAssociateId,
      currencyId: ctx.store.prefs.baseCurrencyId,
      saleTypeId: type?.id ?? 0,
      stageId: stage?.id ?? 0,
      probability: stage?.probability ?? 0,
      saledate: ctx.now,
    };
  },
  read: (body, base, ctx) => readSale(body, base, ctx.store, ctx.dates),
  settle: (rec, given, previous, ctx) => {
    const store = ctx.store;
    const type = store.saleType(rec.saleTypeId);
    // No stage (or only /default's stage of another type) = the type's first stage, its pipeline entry.
    if (type && (rec.stageId === 0 || (!given.has('rating') && !type.stageIds.includes(rec.stageId)))) {
      rec.stageId = type.stageIds[0] ?? 0;
    }
    // Probability follows the stage unless the body sets it ("Actual probability, may differ").
    const stageChanged = previous !== undefined && previous.stageId !== rec.stageId && previous.probability === rec.probability;
    if (!given.has('probability') || stageChanged) {
      rec.probability = rec.status === 'Sold' ? 100 : rec.status === 'Lost' ? 0 : (store.stage(rec.stageId)?.probability ?? 0);
    }
    if (rec.currencyId === 0) rec.currencyId = store.prefs.baseCurrencyId;
    if (!given.has('completed')) rec.completed = rec.status === 'Sold' || rec.status === 'Lost' ? 'Completed' : 'Started';
    if (type && !type.hasStakeholders && ctx.rules.stakeholdersWithoutSaleType === 'drop') rec.stakeholders = [];
  },
  validate: validateSale,
  render: renderSale,
  simple: (ctx, s) => saleCarrier(ctx, s),
  save: (s, r) => s.putSale(r),
  remove: (s, id) => s.deleteSale(id),
  newId: (s) => s.newSaleId(),
  stamp: stampAudit,
};

export const KINDS = { contact: contactKind, person: personKind, sale: saleKind } as const;
export type KindName = keyof typeof KINDS;

type AnyRec = ContactRec | PersonRec | SaleRec;

/** The three kinds share one code path; their record types differ only behind the Kind interface. */
function kindOf(name: KindName): Kind<AnyRec> {
  return KINDS[name];
}

function respond(ctx: CrudContext, kind: Kind<AnyRec>, rec: AnyRec, status: number): SimResponse {
  return { status, body: applySelect(kind.render(ctx, rec, ctx.rules, true), ctx.select) };
}

function parseId(raw: string, entity: string): number {
  if (!/^\d+$/.test(raw)) throw badRequest(`The value '${raw}' is not valid for ${entity} id.`);
  return Number(raw);
}

function find<R extends { id: number; updatedDate: number | null }>(kind: Kind<R>, ctx: CrudContext, rawId: string): R {
  const id = parseId(rawId, kind.entity);
  const rec = kind.records(ctx.store).get(id);
  if (!rec) throw notFound(kind.entity, id);
  return rec;
}

function headerDate(ctx: CrudContext, name: string): number | null {
  const v = ctx.headers[name];
  const s = Array.isArray(v) ? v[0] : v;
  if (!s) return null;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? null : ms;
}

/** 412 when the record changed after the client's If-Unmodified-Since. */
function checkUnmodified(ctx: CrudContext, entity: string, rec: { updatedDate: number | null }): void {
  const since = headerDate(ctx, 'if-unmodified-since');
  if (since !== null && rec.updatedDate !== null && Math.floor(rec.updatedDate / 1000) * 1000 > since) {
    throw new SoError(412, 'SoException', `Update stopped because ${entity}Entity has changed since the requested If-Unmodified-Since timestamp.`);
  }
}

export function getDefault(name: KindName, ctx: CrudContext): SimResponse {
  const kind = kindOf(name);
  const blank = asBlankRecord(kind.render(ctx, kind.defaults(ctx), ctx.rules, false), ctx.store);
  return { status: 200, body: applySelect(blank, ctx.select) };
}

export function getOne(name: KindName, ctx: CrudContext, rawId: string): SimResponse {
  const kind = kindOf(name);
  const rec = find(kind, ctx, rawId);
  const since = headerDate(ctx, 'if-modified-since');
  if (since !== null && rec.updatedDate !== null && Math.floor(rec.updatedDate / 1000) * 1000 <= since) {
    return { status: 304 };
  }
  return respond(ctx, kind, rec, 200);
}

export function getSimple(name: KindName, ctx: CrudContext, rawId: string): SimResponse {
  const kind = kindOf(name);
  return { status: 200, body: kind.simple(ctx, find(kind, ctx, rawId)) };
}

export function create(name: KindName, ctx: CrudContext, body: unknown): SimResponse {
  const kind = kindOf(name);
  // A POST is read over /default: the docs' recommended flow is GET default → modify → POST.
  const { rec, given } = kind.read(body, kind.defaults(ctx), ctx);
  kind.settle(rec, given, undefined, ctx);
  assertValid(`${kind.entity}Entity`, kind.validate(ctx.store, rec, ctx.rules), ctx.saveErrorStatus);
  rec.id = kind.newId(ctx.store);
  kind.stamp(rec, ctx, true);
  kind.save(ctx.store, rec);
  return respond(ctx, kind, rec, ctx.postStatus);
}

export function replace(name: KindName, ctx: CrudContext, rawId: string, body: unknown): SimResponse {
  const kind = kindOf(name);
  const current = find(kind, ctx, rawId);
  checkUnmodified(ctx, kind.entity, current);
  // PUT replaces the whole entity: what the body leaves out is blank afterwards (vendor notes §6.6).
  const base = { ...kind.blank(current.id), createdDate: current.createdDate, createdById: current.createdById };
  const { rec, given } = kind.read(body, base, ctx);
  kind.settle(rec, given, current, ctx);
  assertValid(`${kind.entity}Entity`, kind.validate(ctx.store, rec, ctx.rules), ctx.saveErrorStatus);
  kind.stamp(rec, ctx, false);
  kind.save(ctx.store, rec);
  return respond(ctx, kind, rec, 200);
}

export function patch(name: KindName, ctx: CrudContext, rawId: string, body: unknown, contentType: string): SimResponse {
  const kind = kindOf(name);
  const current = find(kind, ctx, rawId);
  checkUnmodified(ctx, kind.entity, current);
  const entity = kind.render(ctx, current, ctx.rules, false);
  const patched = applyOperations(entity, toOperations(body, contentType, entity));
  const { rec } = kind.read(patched, current, ctx);
  rec.id = current.id;
  kind.settle(rec, new Set(Object.keys(patched).map((k) => k.toLowerCase())), current, ctx);
  assertValid(`${kind.entity}Entity`, kind.validate(ctx.store, rec, ctx.rules), ctx.saveErrorStatus);
  kind.stamp(rec, ctx, false);
  kind.save(ctx.store, rec);
  return respond(ctx, kind, rec, 200);
}

export function remove(name: KindName, ctx: CrudContext, rawId: string): SimResponse {
  const kind = kindOf(name);
  const current = find(kind, ctx, rawId);
  checkUnmodified(ctx, kind.entity, current);
  kind.remove(ctx.store, current.id);
  return { status: 204 };
}

/** `POST /{Entity}/Validate` → `{field: message}` (200, empty map when valid). */
export function validateOnly(name: KindName, ctx: CrudContext, body: unknown): SimResponse {
  const kind = kindOf(name);
  const { rec, given } = kind.read(body, kind.blank(0), ctx);
  kind.settle(rec, given, undefined, ctx);
  return { status: 200, body: kind.validate(ctx.store, rec, ctx.rules) };
}
