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
export { serverSchema, sourceBaseSchema, type ServerConfig } from './schema';
