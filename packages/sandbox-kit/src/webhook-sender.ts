import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** Test default: three quick retries. */
export const FAST_RETRY_SCHEDULE_MS: readonly number[] = [10, 20, 40];
/**
 * A realistic schedule: HiBob documents 1, 10, 20, 40, 80 and 160 minutes for partner webhooks
 * (about three hours, then the event is dropped). Use it to simulate production timing with a virtual clock.
 */
export const PARTNER_RETRY_SCHEDULE_MS: readonly number[] = [1, 10, 20, 40, 80, 160].map((minutes) => minutes * 60_000);

export interface WebhookEndpoint {
  readonly id: string;
  readonly url: string;
  readonly secret: string;
  active: boolean;
}

/** One POST attempt as the sender saw it. */
export interface DeliveryAttempt {
  deliveryId: number;
  endpointId: string;
  url: string;
  attempt: number;
  /** HTTP status, or null when the connection failed. */
  status: number | null;
  error: string | null;
  ok: boolean;
  body: string;
  headers: Record<string, string>;
  at: number;
}

export interface WebhookSenderOptions {
  /** Headers that sign a raw body with an endpoint's secret (HiBob: `Bob-Signature`). */
  sign: (rawBody: Buffer, secret: string) => Record<string, string>;
  /** Waits before retry 1, 2, …; default `FAST_RETRY_SCHEDULE_MS`. Empty: no retries. */
  retryScheduleMs?: readonly number[];
  /** Per-attempt timeout; HiBob expects an answer within 10 s. Default 10 s. */
  timeoutMs?: number;
  /** Called when every retry failed and the delivery is dropped. */
  onDropped?: (delivery: { deliveryId: number; endpointId: string; body: string }) => void;
  /** Time source for the log; default Date.now. */
  now?: () => number;
}

interface QueuedDelivery {
  deliveryId: number;
  body: Buffer;
  contentType: string;
  attempt: number;
}

interface EndpointQueue {
  endpoint: WebhookEndpoint;
  items: QueuedDelivery[];
  busy: boolean;
  timer: NodeJS.Timeout | undefined;
}

/**
 * Signs and POSTs events to registered endpoints. Per endpoint, deliveries are strictly ordered:
 * the next one waits until the current one succeeded or was dropped after its retries.
 * `idle()` resolves when nothing is queued, in flight or waiting to retry, so tests never sleep.
 */
export class WebhookSender {
  readonly log: DeliveryAttempt[] = [];
  private readonly queues = new Map<string, EndpointQueue>();
  private readonly waiters: Array<() => void> = [];
  private nextDeliveryId = 1;
  private nextEndpointId = 1;
  private closed = false;
  private readonly schedule: readonly number[];
  private readonly timeoutMs: number;
  private readonly now: () => number;

  constructor(private readonly options: WebhookSenderOptions) {
    this.schedule = options.retryScheduleMs ?? FAST_RETRY_SCHEDULE_MS;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.now = options.now ?? (() => Date.now());
  }

  register(input: { url: string; secret: string; id?: string }): WebhookEndpoint {
    const endpoint: WebhookEndpoint = {
      id: input.id ?? `wh_${this.nextEndpointId++}`,
      url: input.url,
      secret: input.secret,
      active: true,
    };
    this.queues.set(endpoint.id, { endpoint, items: [], busy: false, timer: undefined });
    return endpoint;
  }

  unregister(endpointId: string): boolean {
    const queue = this.queues.get(endpointId);
    if (!queue) return false;
    if (queue.timer) clearTimeout(queue.timer);
    this.queues.delete(endpointId);
    this.notifyIfIdle();
    return true;
  }

  endpoints(): WebhookEndpoint[] {
    return [...this.queues.values()].map((queue) => queue.endpoint);
  }

  /** Queues one body for every active endpoint (or only `endpointId`); returns the delivery ids. */
  enqueue(body: string | Buffer, options: { endpointId?: string; contentType?: string } = {}): number[] {
    if (this.closed) return [];
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    const ids: number[] = [];
    for (const queue of this.queues.values()) {
      if (options.endpointId && queue.endpoint.id !== options.endpointId) continue;
      if (!queue.endpoint.active) continue;
      const deliveryId = this.nextDeliveryId++;
      queue.items.push({ deliveryId, body: bytes, contentType: options.contentType ?? 'application/json', attempt: 0 });
      ids.push(deliveryId);
      this.pump(queue);
    }
    return ids;
  }

  /** One signed POST, no queue and no retry (connection tests such as HiBob's "Ping test"). */
  async sendOnce(
    endpoint: Pick<WebhookEndpoint, 'id' | 'url' | 'secret'>,
    body: string | Buffer,
    contentType: string,
  ): Promise<DeliveryAttempt> {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    return this.attempt(endpoint, { deliveryId: this.nextDeliveryId++, body: bytes, contentType, attempt: 0 });
  }

  /** Resolves once every queue is empty and nothing is in flight or scheduled. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Alias of `idle()`: deliver everything queued (retries included) before resolving. */
  flush(): Promise<void> {
    return this.idle();
  }

  pending(): number {
    let count = 0;
    for (const queue of this.queues.values()) count += queue.items.length;
    return count;
  }

  /** Stops every retry timer and drops what is queued. */
  close(): void {
    this.closed = true;
    for (const queue of this.queues.values()) {
      if (queue.timer) clearTimeout(queue.timer);
      queue.timer = undefined;
      queue.items.length = 0;
    }
    this.notifyIfIdle();
  }

  private isIdle(): boolean {
    for (const queue of this.queues.values()) {
      if (queue.busy || queue.items.length > 0 || queue.timer) return false;
    }
    return true;
  }

  private notifyIfIdle(): void {
    if (!this.isIdle()) return;
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  private pump(queue: EndpointQueue): void {
    if (queue.busy || queue.timer || this.closed) return;
    const head = queue.items[0];
    if (!head) {
      this.notifyIfIdle();
      return;
    }
    queue.busy = true;
    void this.attempt(queue.endpoint, head).then((result) => {
      queue.busy = false;
      if (this.closed || this.queues.get(queue.endpoint.id) !== queue) return this.notifyIfIdle();
      if (result.ok) {
        queue.items.shift();
        return this.pump(queue);
      }
      const wait = this.schedule[head.attempt];
      if (wait === undefined) {
        queue.items.shift();
        this.options.onDropped?.({
          deliveryId: head.deliveryId,
          endpointId: queue.endpoint.id,
          body: head.body.toString('utf8'),
        });
        return this.pump(queue);
      }
      head.attempt++;
      queue.timer = setTimeout(() => {
        queue.timer = undefined;
        this.pump(queue);
      }, wait);
    });
  }

  private attempt(
    endpoint: Pick<WebhookEndpoint, 'id' | 'url' | 'secret'>,
    item: QueuedDelivery,
  ): Promise<DeliveryAttempt> {
    const headers: Record<string, string> = {
      'content-type': item.contentType,
      'content-length': String(item.body.length),
      ...this.options.sign(item.body, endpoint.secret),
    };
    const record = (status: number | null, error: string | null): DeliveryAttempt => {
      const attempt: DeliveryAttempt = {
        deliveryId: item.deliveryId,
        endpointId: endpoint.id,
        url: endpoint.url,
        attempt: item.attempt,
        status,
        error,
        ok: status !== null && status >= 200 && status < 300,
        body: item.body.toString('utf8'),
        headers,
        at: this.now(),
      };
      this.log.push(attempt);
      return attempt;
    };
    return new Promise((resolve) => {
      let settled = false;
      const finish = (status: number | null, error: string | null) => {
        if (settled) return;
        settled = true;
        resolve(record(status, error));
      };
      let url: URL;
      try {
        url = new URL(endpoint.url);
      } catch {
        return finish(null, `invalid URL ${endpoint.url}`);
      }
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = send(url, { method: 'POST', headers, timeout: this.timeoutMs }, (res) => {
        res.resume();
        res.on('end', () => finish(res.statusCode ?? null, null));
        res.on('error', (error) => finish(res.statusCode ?? null, error.message));
      });
      req.on('timeout', () => req.destroy(new Error(`no answer within ${this.timeoutMs} ms`)));
      req.on('error', (error) => finish(null, error.message));
      req.end(item.body);
    });
  }
}
