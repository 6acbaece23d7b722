/**
 * Behaviour switches for what the public record leaves open (vendor notes §9, "Uncertainties").
 * Each default is the most plausible reading of the notes; each alternative is the other
 * reading, so connector tests can prove they survive either. The object is live: handlers read
 * it on every request, so a test may flip a switch between calls.
 */
export interface LogiSenseSwitches {
  /** Seconds a new access token lives; vendor notes §1.2 give 1800 (also the maximum). */
  tokenLifetimeSeconds: number;
  /** `expires_in` is a number in the v10 docs and a string in the older wiki table (notes §1.2). */
  expiresInType: 'number' | 'string';
  /** Status for rejected credentials: undocumented (notes §9 q6); the notes allow 400 or 401. */
  badCredentialsStatus: 400 | 401;
  /** Whether a token sent without the `Bearer ` prefix is accepted (notes §9 q7). */
  acceptTokenWithoutBearer: boolean;
  /**
   * How a contact joins an account (notes §3, §9 q1): a child `create` in `PATCH Account/{id}`
   * (ranked first in the notes), optionally also `attach`/`detach` of an existing contact
   * ("shared contacts"; attach/detach is only listed for addresses in seed 004).
   */
  contactLink: 'accountPatchCreate' | 'accountPatchCreateOrAttach';
  /** Child key for contacts under an account in PATCH bodies and Account detail (notes §8, §9 q1). */
  accountContactsKey: string;
  /** Child key for contact points under a contact in PATCH bodies (notes §9 q2; seed 004 Detail uses `contactPoints`). */
  contactPointsKey: string;
  /**
   * Where PATCH children sit: beside an empty `details` at the top level (the one v6 PATCH
   * sample, seed 004) or inside it as `details.<key>.items` (notes §3, from a v6 client's POST).
   */
  patchChildrenAt: 'topLevel' | 'details';
  /**
   * Whether write answers echo each item's `patchClientId`. Seed 004's PATCH answer does not
   * (notes §3 only say the client sends it), so a client must tell created objects apart by
   * `dtoTypeKey` and `action`.
   */
  echoPatchClientId: boolean;
  /**
   * The patched object's own item when only its children changed: left out, as in the seed
   * 004 PATCH answer (only the created child is listed), or listed as `retrieved` (the notes
   * §3 sample from another page).
   */
  patchParentItem: 'whenChanged' | 'always';
  /**
   * Items of create/update answers: `{identity, action, dtoTypeKey, instance}` (notes §3 and the
   * §8 checklist) or the bare object (the seed 004 POST/PUT samples).
   */
  writeItemShape: 'wrapped' | 'bare';
  /** `GET X/{id}` answers `{trackingId, instance}` (seed 004) or a one-item list (notes §9 q4). */
  singleGetShape: 'instance' | 'list';
  /** `/Paged` answers `{pagination, pagedResults}` (seed 004, uncorroborated) or a plain list (notes §9 q5). */
  pagedShape: 'pagedResults' | 'list';
  /** With `excludeTotalCount: true`, `totalCount` is 0 or left out (notes §8 paging, unverified). */
  excludedTotalCount: 'zero' | 'omit';
  /** Page size when the `Pagination` header is absent or has none; 20 as in the seed 004 echo. */
  defaultPageSize: number;
  /** Largest page served; the notes document none (§4), so null = no cap. Larger sizes are clamped. */
  maxPageSize: number | null;
  /**
   * Read-only, unknown and misplaced fields on writes: ignored as a .NET deserializer would, or
   * rejected (notes §8 objects: "ignored or rejected on write").
   */
  extraFields: 'ignore' | 'reject';
  /**
   * Contact point types flagged `isRequired` (the Billing e-mail: billing contacts need an e-mail
   * for invoicing, notes §2.2) must be present after every contact write.
   */
  enforceRequiredContactPoints: boolean;
  /**
   * The `UpdateRequest` header of PUT/PATCH (`{"filters":[…]}`, notes §1.3): honoured (only the
   * named properties are written; optional since v4) or ignored (the notes §8 checklist).
   */
  updateRequestHeader: 'honour' | 'ignore';
}

export const DEFAULT_SWITCHES: Readonly<LogiSenseSwitches> = Object.freeze({
  tokenLifetimeSeconds: 1800,
  expiresInType: 'number',
  badCredentialsStatus: 400,
  acceptTokenWithoutBearer: false,
  contactLink: 'accountPatchCreate',
  accountContactsKey: 'contacts',
  contactPointsKey: 'contactPoints',
  patchChildrenAt: 'topLevel',
  echoPatchClientId: false,
  patchParentItem: 'whenChanged',
  writeItemShape: 'wrapped',
  singleGetShape: 'instance',
  pagedShape: 'pagedResults',
  excludedTotalCount: 'zero',
  defaultPageSize: 20,
  maxPageSize: null,
  extraFields: 'ignore',
  enforceRequiredContactPoints: true,
  updateRequestHeader: 'honour',
});
