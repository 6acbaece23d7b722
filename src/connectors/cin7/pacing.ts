import type { GatewayResources } from '../../core/resources';
import type { VendorBudget } from '../../http/VendorBudget';
import { vendorBudget } from '../kit/budget';
import type { Cin7SourceConfig } from './config';

/**
 * The budget of the source's API key, or null when pacing is off. The vendor counts it per
 * API connection (vendor notes §5: 3/s, 60/min, 5,000/day per key), not per configured source:
 * two sources on the same key (say, one per sales team) spend one budget and queue in one line,
 * and with `redis.url` every gateway instance on that key shares it too. The first source of a
 * key sets its limits.
 */
export function budgetFor(config: Cin7SourceConfig, resources: GatewayResources): VendorBudget | null {
  const { username, apiKey } = config.credentials;
  return vendorBudget(config, `${username}\n${apiKey}`, config.options.rateLimits, resources);
}
