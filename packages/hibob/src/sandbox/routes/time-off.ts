import type { BobRouteApi } from '../http/route-api.js';

export function registerTimeOffRoutes(_api: BobRouteApi): void {}
