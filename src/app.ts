/**
 * The composition root: builds every part from the configuration and wires them together. It
 * does not listen; `start()` does.
 *
 * @example
 *   const app = await buildApp(parseConfig({ demo: true, port: 0 }));
 *   const { port } = await app.start();
 */
import type { AddressInfo } from 'node:net';
import type { Authority } from './authorities/authority.ts';
import { chainAuthorities } from './authorities/chain.ts';
import { createSandboxAuthority } from './authorities/sandbox/index.ts';
import type { Config } from './config.ts';
import { createCore } from './core/execute.ts';
import { createFaceEngine, type FaceEngine } from './engines/face/index.ts';
import { createIdCardReader, type IdCardReader } from './engines/idcard/index.ts';
import { DIALECTS } from './dialects/index.ts';
import { createHttpServer, listen } from './http/server.ts';
import { shanghaiToday } from './identity/index.ts';
import { createLogger, type Logger } from './log.ts';
import { ensureDemoApp } from './security/demo-app.ts';
import { memoryNonces } from './security/nonces.ts';
import { createPiiCipher, loadMasterKey } from './security/pii.ts';
import { memoryRateLimiter } from './security/rate-limit.ts';
import { createRedisState } from './security/redis-state.ts';
import { createSafeFetcher } from './security/safe-fetch.ts';
import { openStore } from './store/open.ts';
import type { Store } from './store/store.ts';

/** The BizType demo mode creates beside the demo app, so materials tasks can run at once. */
export const DEMO_BIZ_TYPE = 'demo';

/** How often retained materials photos past their purge time are deleted (also once at boot). */
const PURGE_EVERY_MS = 60 * 60 * 1000;

/** Deletes the retained photos due; logs only how many tasks' were purged. */
const purgeImages = async (store: Store, log: Logger): Promise<void> => {
  try {
    const count = await store.materials.purgeImages(Date.now());
    if (count > 0) log.info('purged retained materials images', { count });
  } catch (error) {
    log.warn('purging retained materials images failed', { error: String(error) });
  }
};

export interface ShimingApp {
  readonly config: Config;
  readonly store: Store;
  readonly log: Logger;
  start(): Promise<AddressInfo>;
  close(): Promise<void>;
}

export const buildApp = async (
  config: Config,
  log = createLogger(config.logLevel),
): Promise<ShimingApp> => {
  const pii = createPiiCipher(loadMasterKey(config.dataDir, config.dataKey));
  const store = await openStore(config, pii);
  if (config.demo) {
    await ensureDemoApp(store.apps);
    await store.bizTypes.create(DEMO_BIZ_TYPE);
  }
  // Purged whatever retainImagesDays is now: photos kept under an earlier setting still expire.
  await purgeImages(store, log);
  const purging = setInterval(() => void purgeImages(store, log), PURGE_EVERY_MS).unref();
  const authorities: Authority[] = config.demo
    ? [createSandboxAuthority(), store.registry]
    : [store.registry];
  const shared = config.redis
    ? createRedisState(config.redis, {
        onError: (e) => log.warn('redis connection error', { error: String(e) }),
      })
    : undefined;
  const faces: FaceEngine | undefined =
    config.facePack === 'none'
      ? undefined
      : await createFaceEngine(config.facePack, { calibration: config.faceCalibration });
  const cards: IdCardReader | undefined = config.ocr ? await createIdCardReader() : undefined;
  const fetcher = createSafeFetcher({ allow: config.fetchAllow, maxBytes: config.maxImageBytes });
  const core = createCore({
    authority: chainAuthorities(authorities),
    today: () => shanghaiToday(),
    adultAge: config.adultAge,
    faces,
    images: { fetcher, maxImageBytes: config.maxImageBytes },
    matchFar: config.faceMatchFar,
    cards,
    bizTypes: store.bizTypes,
    materials: store.materials,
    retainImagesDays: config.retainImagesDays,
  });
  const server = createHttpServer({
    dialects: DIALECTS,
    maxBodyBytes: config.maxBodyBytes,
    log,
    ready: async () => {
      await store.ping();
      await shared?.ping();
      return true;
    },
    pipeline: {
      core,
      auth: { credentials: store.apps, nonces: shared?.nonces ?? memoryNonces() },
      apps: store.apps,
      records: store.records,
      limiter: shared?.limiter ?? memoryRateLimiter(),
      defaultQps: config.defaultQps,
      log,
    },
  });
  return {
    config,
    store,
    log,
    start: () => listen(server, config.port, config.host),
    async close() {
      clearInterval(purging);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await store.close();
      await shared?.close();
      await faces?.close();
      await cards?.close();
    },
  };
};
