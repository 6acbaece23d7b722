export { HttpClient } from './HttpClient';
export type { HttpClientOptions, HttpRequest, HttpResponse, HttpMethod } from './HttpClient';
export { backoffDelay, retryAfterMs } from './backoff';
