import type { Logger } from '@hrkit/core';
import type { HiBobClient } from '../client.js';

/** What the function readers (compensation, attendance) need: the connection's client and logger. */
export interface HiBobReadContext {
  client: HiBobClient;
  logger: Logger;
}
