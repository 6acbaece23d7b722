/**
 * Which requests a scripted fault or aftermath applies to. Every part given must hold; none
 * given matches every request. `where` is for what method and path fragments cannot say
 * (SuperOffice's "creates": a POST on the collection itself, never on `/Contact/2`).
 */
export interface RequestMatch {
  method?: string;
  pathIncludes?: string;
  where?: (method: string, path: string) => boolean;
}

export function requestMatches(match: RequestMatch | undefined, method: string, path: string): boolean {
  if (!match) return true;
  if (match.method && match.method !== method) return false;
  if (match.pathIncludes && !path.includes(match.pathIncludes)) return false;
  return !match.where || match.where(method, path);
}
