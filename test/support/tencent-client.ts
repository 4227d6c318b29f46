/** The official Tencent Cloud SDK's FaceID client, pointed at a local shiming server. */
import tencentcloud from 'tencentcloud-sdk-nodejs';
import { DEMO_APP } from '../../src/security/demo.ts';

export type FaceidClient = InstanceType<typeof tencentcloud.faceid.v20180301.Client>;

export const faceidClient = (
  port: number,
  credential: { secretId: string; secretKey: string } = DEMO_APP,
): FaceidClient =>
  new tencentcloud.faceid.v20180301.Client({
    credential: { secretId: credential.secretId, secretKey: credential.secretKey },
    region: '',
    profile: { httpProfile: { endpoint: `127.0.0.1:${port}`, protocol: 'http://' } },
  });
