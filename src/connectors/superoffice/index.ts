export { SuperOfficeConnector, SUPEROFFICE_CAPABILITIES } from './connector';
export { superOfficeSourceSchema, type SuperOfficeSourceConfig } from './config';
