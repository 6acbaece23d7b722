import { SharedReads } from '../../src/core/sharedReads';
import type { CallContext, VendorCallEvent } from '../../src/core/call';

/** A call context that records every vendor request, for asserting call counts. */
export function recordingCall(): CallContext & { events: VendorCallEvent[] } {
  const events: VendorCallEvent[] = [];
  return { requestId: 'test', onVendorCall: (e) => events.push(e), sharedReads: new SharedReads(), events };
}
