export { createPlayground, type Playground, type PlaygroundOptions } from './handler';
