/**
 * Demo mode's config: every vendor on its built-in simulator, with the playground and
 * introspection on, browsers on this machine allowed and access open (`auth.mode: "none"`).
 * It goes through the same validation and startup as a config file, so whatever a file can set
 * can be tried on it.
 */
export const DEMO_CONFIG = {
  server: {
    introspection: true,
    playground: true,
    cors: { origins: ['http://localhost:*', 'http://127.0.0.1:*'] },
  },
  // Demo data is seeded and simulated: anyone on this machine may read and write it.
  auth: { mode: 'none' },
  sources: [
    { id: 'pipeliner', vendor: 'pipeliner', name: 'Pipeliner CRM (simulator)', simulator: true },
    { id: 'superoffice', vendor: 'superoffice', name: 'SuperOffice CRM (simulator)', simulator: true },
    { id: 'cin7', vendor: 'cin7', name: 'Cin7 Omni (simulator)', simulator: true },
    { id: 'logisense', vendor: 'logisense', name: 'LogiSense Billing (simulator)', simulator: true },
  ],
} as const;

/** How problems with the demo config name it (there is no file). */
export const DEMO_CONFIG_NAME = 'built-in demo config';
