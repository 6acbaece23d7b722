export { createTelemetry, disabledTelemetry } from './Telemetry';
export type { Telemetry, TelemetryConfig, TelemetryOptions } from './Telemetry';
export { operationTracePlugin } from './operationTracePlugin';
export { logVendorCall } from './logVendorCall';
export { routeTemplate } from './routeTemplate';
export { startVendorCallSpan, endVendorCallSpan } from './vendorCallSpan';
export type { VendorCallStart } from './vendorCallSpan';
