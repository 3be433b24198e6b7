export * from './attendance-routes.js';
export * from './extension.js';
export * from './pay-data.js';
export * from './pay-route-types.js';
export * from './pay-routes.js';
export * from './salary-routes.js';
export * from './standalone-server.js';
