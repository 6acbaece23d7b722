import { checkBodyIdentity, item, pointCreateStep } from './contactWrites';
import { contactPointDto } from './dto';
import { ErrorCode } from './envelopes';
import { checkPoint, checkPointSet, checkRef, type Step, type WriteContext } from './rules';
import { CONTACT_POINT_SPEC } from './specs';
import type { ContactPointRow } from './store';
import { readFields } from './validation';

/**
 * `POST ContactPoint` and `PUT ContactPoint/{id}`. No v6 ContactPoint page exists; the shape
 * (`contactId`, `contactPointTypeId`, `value`) is the one seed 004's Detail samples show, and
 * the legacy SOAP API creates a contact point from the same three facts (vendor notes §2.2).
 * Deleting goes through `PATCH Contact/{id}` children.
 */
export function planContactPointCreate(ctx: WriteContext, body: Record<string, unknown>): Step[] {
  const f = readFields(CONTACT_POINT_SPEC, body, 'create', '', ctx);
  const contactId = f['contactId'];
  if (contactId === undefined) {
    if (!('contactId' in body)) ctx.problems.push({ code: ErrorCode.required, message: 'contactId is required.' });
    return [];
  }
  if (!checkRef(ctx, ctx.store.contacts, contactId, '', 'contactId', 'Contact')) return [];
  const contact = ctx.store.contacts.get(contactId as number);
  const pointTypeId = f['contactPointTypeId'];
  if (!contact || typeof pointTypeId !== 'number') return [];
  checkPoint(ctx, pointTypeId, contact.contactTypeId, f['value'] as string | undefined, '');
  const types = ctx.store.pointsOf(contact.identity).map((p) => p.contactPointTypeId);
  checkPointSet(ctx, contact.contactTypeId, [...types, pointTypeId], `Contact ${contact.identity}`);
  return [pointCreateStep(ctx.store, () => contact.identity, pointTypeId, f['value'] as string, undefined)];
}

export function planContactPointUpdate(ctx: WriteContext, point: ContactPointRow, body: Record<string, unknown>): Step[] {
  checkBodyIdentity(ctx, body, point.identity, '');
  const f = readFields(CONTACT_POINT_SPEC, body, 'update', '', ctx, new Set(['identity']));
  if (f['contactId'] !== undefined && f['contactId'] !== point.contactId) {
    ctx.problems.push({ code: ErrorCode.ruleViolation, message: `contactId cannot change; contact point ${point.identity} belongs to contact ${point.contactId}.` });
  }
  const contact = ctx.store.contacts.get(point.contactId);
  const pointTypeId = (f['contactPointTypeId'] as number | undefined) ?? point.contactPointTypeId;
  const value = (f['value'] as string | undefined) ?? point.value;
  checkPoint(ctx, pointTypeId, contact?.contactTypeId, value, '');
  if (contact) {
    const types = ctx.store.pointsOf(contact.identity).map((p) => (p.identity === point.identity ? pointTypeId : p.contactPointTypeId));
    checkPointSet(ctx, contact.contactTypeId, types, `Contact ${contact.identity}`);
  }
  return [
    () => {
      point.contactPointTypeId = pointTypeId;
      point.value = value;
      return [item(point.identity, 'updated', 'contactPoint', undefined, contactPointDto(ctx.store, point))];
    },
  ];
}
