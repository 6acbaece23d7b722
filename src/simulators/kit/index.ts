export { DEFAULT_LOG_LIMIT, SimulatorServer, redactHeaders } from './SimulatorServer';
export type {
  Aftermath,
  Fault,
  LoggedRequest,
  SimHandler,
  SimRequest,
  SimResponse,
  SimulatorServerOptions,
} from './SimulatorServer';
export type { RequestMatch } from './requestMatch';
export { SeededRandom } from './SeededRandom';
