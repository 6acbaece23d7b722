export { LogiSenseConnector, LOGISENSE_CAPABILITIES, type LogiSenseConnectorDeps } from './connector';
export { logisenseSourceSchema, type LogiSenseSourceConfig } from './config';
