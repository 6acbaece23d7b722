import type { CreateOpportunityCommand } from '../../core/connector';
import type { Problems } from '../../core/problems';
import type { AccountRecord, ContactRecord } from '../../core/records';

export interface SalePerson {
  /** The sale's Person: the primary contact, when one is named. */
  primary: ContactRecord | null;
  /** Contacts the sale cannot hold: a SuperOffice sale has one Person (vendor notes §2 SaleEntity). */
  unlinked: ContactRecord[];
  /** The sale's company: the named account, else the primary contact's company. */
  companyId: number | null;
}

/**
 * Checks the contacts of a new sale — each exists; the primary one works at the sale's company
 * ("Person must belong to the Contact", vendor notes §2) — and splits off those SuperOffice
 * cannot hold. `persons` is aligned with `cmd.contactIds`.
 */
export function resolveSalePerson(
  cmd: CreateOpportunityCommand,
  persons: ReadonlyArray<ContactRecord | null>,
  company: AccountRecord | null,
  problems: Problems,
  source: string,
): SalePerson {
  cmd.contactIds.forEach((id, i) => {
    if (persons[i]) return;
    const field = id === cmd.primaryContactId ? ['primaryContactId'] : ['contactIds', String(i)];
    problems.add(field, `no contact ${id} in source "${source}"`, 'NOT_FOUND');
  });
  const primaryId = cmd.primaryContactId ?? cmd.contactIds[0];
  const primary = persons[cmd.contactIds.indexOf(primaryId ?? '')] ?? null;
  if (primary && company && primary.primaryAccountId !== company.remoteId) {
    const where = primary.primaryAccountId ? `account ${primary.primaryAccountId}` : 'no account';
    problems.add(
      ['primaryContactId'],
      `contact "${primary.name ?? primary.remoteId}" works at ${where}, not at "${company.name}"; a sale's person must belong to the sale's company in SuperOffice`,
      'CONFLICT',
    );
  }
  const unlinked: ContactRecord[] = [];
  for (const p of persons) if (p && p !== primary) unlinked.push(p);
  const companyId = company?.remoteId ?? primary?.primaryAccountId ?? null;
  return { primary, unlinked, companyId: companyId ? Number(companyId) : null };
}

/** The warning for contacts a sale cannot hold: reported, never silently dropped. */
export function unlinkedWarning(person: SalePerson): string[] {
  if (person.unlinked.length === 0) return [];
  const names = person.unlinked.map((p) => `contact "${p.name ?? p.remoteId}" (${p.remoteId})`).join(', ');
  return [
    `SuperOffice keeps one person per sale: ${names} not linked; the sale's person is "${person.primary?.name ?? person.primary?.remoteId}"`,
  ];
}
