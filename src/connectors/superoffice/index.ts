export { superOfficeConnector } from './connector';
export { superOfficeSourceSchema, type SuperOfficeSourceConfig } from './config';
