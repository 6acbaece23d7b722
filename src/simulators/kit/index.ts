export { SimulatorServer, redactHeaders } from './SimulatorServer';
export type { SimRequest, SimResponse, SimHandler, Fault, LoggedRequest } from './SimulatorServer';
export { SeededRandom } from './SeededRandom';
