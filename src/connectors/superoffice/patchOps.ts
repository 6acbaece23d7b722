import type { PatchOperation } from './client';

/*
 * The operations of an update's PATCH: one JSON Patch `replace` per property that changes,
 * with the property's whole new value. JSON Patch rather than a merge patch, so a list is
 * always replaced — in a merge patch an object where the entity has an array is appended
 * (vendor notes §2 "PATCH") — and an address as its whole `Address/Postal` (or `Street`)
 * object: patching one of its lines alone fails (the official request collection's note).
 */

export class PatchOps {
  readonly list: PatchOperation[] = [];

  replace(path: string, value: unknown): void {
    this.list.push({ op: 'replace', path, value });
  }
}

/** An EntityElement as written: `Value`, and the `Description` the same value had before. */
export interface WrittenElement {
  Value: string;
  Description: string;
}

interface ReadElement {
  Value?: string | null | undefined;
  Description?: string | null | undefined;
}

/** `values` as EntityElements, each keeping the description an element of `current` with that value had. */
export function elementsFor(values: readonly string[], current: readonly ReadElement[] | null | undefined): WrittenElement[] {
  const left = [...(current ?? [])];
  return values.map((value) => {
    const i = left.findIndex((e) => e.Value === value);
    const description = i >= 0 ? (left.splice(i, 1)[0]?.Description ?? '') : '';
    return { Value: value, Description: description };
  });
}

/** The elements as they are, for writing a list back with some kept. */
export function asWritten(current: readonly ReadElement[] | null | undefined): WrittenElement[] {
  return (current ?? []).map((e) => ({ Value: e.Value ?? '', Description: e.Description ?? '' }));
}
