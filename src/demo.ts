import { DEMO_CONFIG, DEMO_CONFIG_NAME, parseConfigDocument } from './config';
import { startSimulatedSources, type RunningConfig } from './config/simulated';

export interface DemoOptions {
  /**
   * Cin7 Omni's real rate limits on its simulator (and pacing in its connector). On by default;
   * suites that fire hundreds of requests turn both off to stay fast.
   */
  cin7RateLimits?: boolean;
}

export type Demo = RunningConfig;

/**
 * Demo mode: the built-in demo config (every vendor on its seeded simulator, on a free local
 * port) through the same validation and startup as a config file. Needs no account, key or network.
 */
export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const realLimits = options.cin7RateLimits ?? true;
  const sources = DEMO_CONFIG.sources.map((s) => (s.vendor === 'cin7' && !realLimits ? { ...s, options: { rateLimits: false } } : s));
  return startSimulatedSources(parseConfigDocument({ ...DEMO_CONFIG, sources }, {}, DEMO_CONFIG_NAME));
}
