/**
 * The legacy image-service routes (seeds 000 and 001). Every method on these paths is ours, so
 * that a wrong method still gets this dialect's envelope (code 3) rather than a generic 404.
 *
 * @example
 *   claims({ method: 'POST', path: '/auth/idcard', ... }) // → true
 */
import type { WireRequest } from '../../http/wire.ts';

export const ROUTES = {
  '/auth/idcard': 'idcard',
  '/auth/idbankcard': 'idbankcard',
} as const;

export type LegacyAction = (typeof ROUTES)[keyof typeof ROUTES];

/** The action a path names, if it is one of ours. */
export const actionOf = (path: string): LegacyAction | undefined =>
  Object.hasOwn(ROUTES, path) ? ROUTES[path as keyof typeof ROUTES] : undefined;

export const claims = (request: WireRequest): boolean => actionOf(request.path) !== undefined;
