export { cin7Connector } from './connector';
export { cin7SourceSchema, type Cin7SourceConfig } from './config';
export { contactIdOf, parseContactId } from './ids';
