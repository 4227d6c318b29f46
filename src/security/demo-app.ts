/** Creates the demo app with its fixed credentials, once, in demo mode only. */
import type { AppStore } from '../store/store.ts';
import { DEMO_APP } from './demo.ts';

export const ensureDemoApp = async (apps: AppStore): Promise<void> => {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('demo mode (fixed, published credentials) is refused when NODE_ENV=production');
  }
  if (await apps.byAppId(DEMO_APP.appId)) return;
  await apps.create({
    ...DEMO_APP,
    qps: null,
    quota: null,
    disabled: false,
    createdAt: Date.now(),
  });
};
