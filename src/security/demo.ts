/**
 * The demo app's fixed credentials, printed at start in demo mode so that README examples and
 * the sandbox work out of the box. Demo mode is refused when NODE_ENV=production.
 */
export const DEMO_APP = {
  appId: '1250000000',
  name: 'demo',
  secretId: 'AKIDshimingDEMO00000000000000000000',
  secretKey: 'shimingDemoSecretKey000000000000',
  accessKeyId: 'LTAIshimingDEMO0000000000',
  accessKeySecret: 'shimingDemoAccessKeySecret0000',
} as const;
