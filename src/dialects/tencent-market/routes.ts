/**
 * Which requests are the Cloud Market gateway's (seed 002, spec tencent.md §6): every path under
 * `/release/`, the gateway's release-environment prefix. Only `POST /release/face_id_card/post`
 * is an API; any other path or method there gets the vendor's code 404 ("请求资源不存在") in this
 * dialect's envelope instead of falling through to another dialect or a bare 404.
 *
 * @example
 *   claims({ method: 'GET', path: '/release/other', ... })      // → true (answered code 404)
 *   actionOf({ method: 'POST', path: FACE_ID_CARD, ... })        // → 'face_id_card'
 */
import type { WireRequest } from '../../http/wire.ts';

export const RELEASE = '/release';
export const FACE_ID_CARD = '/release/face_id_card/post';

export type MarketAction = 'face_id_card';

export const claims = (request: WireRequest): boolean =>
  request.path === RELEASE || request.path.startsWith(`${RELEASE}/`);

/** The API a request names, if the gateway publishes it (seed 002: POST only). */
export const actionOf = (request: WireRequest): MarketAction | undefined =>
  request.method === 'POST' && request.path === FACE_ID_CARD ? 'face_id_card' : undefined;
