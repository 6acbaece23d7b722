import type { IncomingMessage } from 'node:http';

/** Why a request body was not read: too large (413) or too slow (408). */
export class BodyRefused extends Error {
  override readonly name = 'BodyRefused';
  constructor(
    readonly status: 413 | 408,
    readonly limit: 'bodyBytes' | 'bodyTimeoutMs',
    readonly limitValue: number,
  ) {
    super(
      status === 413
        ? `The request body is larger than ${limitValue} bytes; the limit is server.limits.bodyBytes = ${limitValue}`
        : `The request body did not arrive within ${limitValue} ms; the limit is server.limits.bodyTimeoutMs = ${limitValue}`,
    );
  }
}

/**
 * The body of `req` as text, read as a stream and given up as soon as it passes `maxBytes`
 * (or a declared `content-length` says it will) or takes longer than `timeoutMs`: a huge or
 * slow body costs at most `maxBytes` of memory and never a timer-less wait.
 */
export function readBody(req: IncomingMessage, maxBytes: number, timeoutMs: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(new BodyRefused(413, 'bodyBytes', maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (err: Error | null): void => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      if (err) {
        // Stop reading: what is still on its way is not ours to buffer.
        req.pause();
        reject(err);
      } else {
        resolve(Buffer.concat(chunks, size).toString('utf8'));
      }
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > maxBytes) return finish(new BodyRefused(413, 'bodyBytes', maxBytes));
      chunks.push(chunk);
    };
    const onEnd = (): void => finish(null);
    const onError = (err: Error): void => finish(err);
    const timer = setTimeout(() => finish(new BodyRefused(408, 'bodyTimeoutMs', timeoutMs)), timeoutMs);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/**
 * After answering a refused body early, reads (and drops) a bounded rest of it before the
 * connection closes: a client still sending would otherwise hit a reset before it reads the
 * answer. At most `maxBytes` more are read, and the connection closes after `ms`, so a huge
 * body costs no more than the limit again.
 */
export function lingerThenClose(req: IncomingMessage, maxBytes: number, ms: number): void {
  let drained = 0;
  const close = (): void => {
    clearTimeout(timer);
    req.off('data', onData);
    req.socket.destroy();
  };
  const onData = (chunk: Buffer): void => {
    drained += chunk.length;
    // Past the allowance, stop reading but keep the connection until the time is up: the
    // client's send stalls (no reset), and it reads the answer.
    if (drained > maxBytes) req.pause();
  };
  const timer = setTimeout(close, ms);
  req.on('data', onData);
  req.once('end', close);
  req.resume();
}
