export { ConfigError, configPath, loadConfigFile, parseConfig, DEFAULT_CONFIG_FILE } from './load';
export { gatewayConfigSchema, type GatewayConfig } from './gatewayConfig';
export { serverSchema, sourceBaseSchema, type ServerConfig } from './schema';
