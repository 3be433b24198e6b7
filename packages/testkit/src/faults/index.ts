export * from './fault-kind.js';
export * from './fault-proxy.js';
export * from './skipping-clock.js';
export * from './through-proxy.js';
export * from './rewrite-proxy.js';
