export { PipelinerConnector, PIPELINER_CAPABILITIES } from './connector';
export { pipelinerSourceSchema, type PipelinerSourceConfig } from './config';
