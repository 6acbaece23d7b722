export { DEFAULT_LOG_LIMIT, SimulatorServer, redactHeaders } from './SimulatorServer';
export type { SimRequest, SimResponse, SimHandler, Fault, LoggedRequest, SimulatorServerOptions } from './SimulatorServer';
export { SeededRandom } from './SeededRandom';
