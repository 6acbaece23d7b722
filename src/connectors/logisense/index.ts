export { logiSenseConnector, type LogiSenseConnectorDeps } from './connector';
export { logisenseSourceSchema, type LogiSenseSourceConfig } from './config';
