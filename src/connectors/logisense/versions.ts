import { createHash } from 'node:crypto';
import type { LogiSenseAccount, LogiSenseContact } from './wire';

/*
 * Record versions, what an update's `expectedVersion` is compared with (opaque to callers).
 */

/** An account's version is its `lastUpdate` stamp as the vendor sends it (notes §2.1, §7); null when it sends none. */
export function accountVersion(wire: LogiSenseAccount): string | null {
  return wire.lastUpdate?.trim() || null;
}

/**
 * A v6 contact carries no stamp or revision (seed 004; `updated` arrives in v7, notes §7), so its
 * version is a digest of what the gateway reads and writes of it: its own fields and its contact
 * points (identity, type, value). Any change to those, by anyone, gives another version. Its
 * address is left out: the gateway neither shows nor writes it, so a change there cannot be lost
 * by an update through the gateway. Only Detail reads carry the points; every contact read
 * here is one.
 */
export function contactVersion(wire: LogiSenseContact): string {
  const own = [wire.contactTypeId ?? null, wire.title ?? null, wire.firstName ?? null, wire.lastName ?? null, wire.isUsedForTax ?? null];
  const points = [...(wire.details?.contactPoints ?? [])]
    .sort((a, b) => a.identity - b.identity)
    .map((p) => [p.identity, p.contactPointTypeId ?? null, p.value ?? null]);
  return createHash('sha256').update(JSON.stringify([own, points])).digest('base64url').slice(0, 22);
}
