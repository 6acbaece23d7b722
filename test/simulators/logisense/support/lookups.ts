import { objects, type Harness } from './harness';

/** Ids of reference rows, found over HTTP as a client would find them. */
export async function pointTypeId(h: Harness, contactTypeName: string, name: string): Promise<number> {
  const items = objects((await h.get('ContactPointType')).body['items']);
  const hit = items.find((t) => t['contactTypeName'] === contactTypeName && t['name'] === name);
  if (!hit) throw new Error(`no ${name} contact point type for ${contactTypeName}`);
  return Number(hit['identity']);
}

export async function contactTypeId(h: Harness, name: string): Promise<number> {
  const items = objects((await h.get('ContactType')).body['items']);
  const hit = items.find((t) => t['name'] === name);
  if (!hit) throw new Error(`no contact type ${name}`);
  return Number(hit['identity']);
}
