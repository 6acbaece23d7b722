export { pipelinerConnector } from './connector';
export { pipelinerSourceSchema, type PipelinerSourceConfig } from './config';
