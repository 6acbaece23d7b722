export {
  ConfigError,
  configPath,
  parseConfig,
  parseConfigDocument,
  readConfigFile,
  DEFAULT_CONFIG_FILE,
} from './load';
export {
  configDocumentSchema,
  gatewayConfigSchema,
  isSimulated,
  toGatewayConfig,
  type ConfigDocument,
  type ConfigDocumentSource,
  type GatewayConfig,
  type SimulatedSource,
} from './gatewayConfig';
export { DEMO_CONFIG, DEMO_CONFIG_NAME } from './demoConfig';
export { opsSchema, serverSchema, type OpsConfig, type ServerConfig } from './schema';
export {
  authSchema,
  DEFAULT_RATE_LIMIT,
  type ApiKeyConfig,
  type AuthConfig,
  type JwtConfig,
  type RateLimitConfig,
} from './authSchema';
