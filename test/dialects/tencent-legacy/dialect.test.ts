import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_LIFETIME } from '../../../src/dialects/tencent-legacy/auth.ts';
import type { WireRequest } from '../../../src/http/wire.ts';
import {
  codeOfSteps,
  DISABLED_APP,
  ID,
  jsonRequest,
  multipartOf,
  NOW,
  OTHER_APP,
  SPEC_APP,
  signed,
  signFor,
  wireRequest,
} from './fixtures.ts';

type Case = [name: string, code: number, request: () => WireRequest | Promise<WireRequest>];

const CASES: Case[] = [
  ['ok-json', 0, () => signed({})],
  [
    'ok-multipart',
    0,
    async () => {
      const form = await multipartOf({ appid: SPEC_APP.appId, bucket: 'test', ...ID });
      return wireRequest({ ...form, authorization: signFor(SPEC_APP, { bucket: 'test' }) });
    },
  ],
  [
    'ok-idbankcard',
    0,
    () => signed({ bankcard_number: '6222021000000000009' }, {}, { path: '/auth/idbankcard' }),
  ],
  [
    'ok-appid-AppID',
    0,
    () => jsonRequest({ AppID: SPEC_APP.appId, ...ID }, { authorization: signFor(SPEC_APP) }),
  ],
  [
    'ok-appid-APPID',
    0,
    () => jsonRequest({ APPID: SPEC_APP.appId, ...ID }, { authorization: signFor(SPEC_APP) }),
  ],
  [
    'ok-appid-AppId-same-twice',
    0,
    () =>
      jsonRequest(
        { AppId: SPEC_APP.appId, appid: SPEC_APP.appId, ...ID },
        { authorization: signFor(SPEC_APP) },
      ),
  ],
  [
    'ok-appid-number',
    0,
    () =>
      jsonRequest({ appid: Number(SPEC_APP.appId), ...ID }, { authorization: signFor(SPEC_APP) }),
  ],
  ['ok-bucket-own-appid-suffix', 0, () => signed({ bucket: `photos-${SPEC_APP.appId}` })],
  ['ok-signed-bucket-body-without', 0, () => signed({}, { bucket: 'signed-only' })],
  ['ok-expire-equals-now', 0, () => signed({}, { expire: NOW })],
  ['ok-single-use', 0, () => signed({}, { expire: 0, fileid: 'file-1' })],
  ['3-wrong-method', 3, () => wireRequest({ method: 'GET', authorization: signFor(SPEC_APP) })],
  [
    '3-wrong-content-type',
    3,
    () => wireRequest({ contentType: 'text/plain', body: '{}', authorization: signFor(SPEC_APP) }),
  ],
  [
    '3-form-urlencoded',
    3,
    () =>
      wireRequest({
        contentType: 'application/x-www-form-urlencoded',
        body: `appid=${SPEC_APP.appId}`,
      }),
  ],
  [
    '3-no-content-type',
    3,
    () =>
      wireRequest({
        body: JSON.stringify({ appid: SPEC_APP.appId, ...ID }),
        authorization: signFor(SPEC_APP),
      }),
  ],
  [
    '3-malformed-json',
    3,
    () =>
      wireRequest({
        contentType: 'application/json',
        body: '{"appid":',
        authorization: signFor(SPEC_APP),
      }),
  ],
  [
    '3-empty-body',
    3,
    () => wireRequest({ contentType: 'application/json', authorization: signFor(SPEC_APP) }),
  ],
  [
    '3-json-array',
    3,
    () =>
      wireRequest({
        contentType: 'application/json',
        body: '[]',
        authorization: signFor(SPEC_APP),
      }),
  ],
  [
    '3-json-not-utf8',
    3,
    () => wireRequest({ contentType: 'application/json', body: Buffer.from([0x7b, 0xff, 0x7d]) }),
  ],
  [
    '3-multipart-no-boundary',
    3,
    () => wireRequest({ contentType: 'multipart/form-data', body: '--x\r\n' }),
  ],
  [
    '3-multipart-unterminated',
    3,
    () =>
      wireRequest({
        contentType: 'multipart/form-data; boundary=b',
        body: '--b\r\nContent-Disposition: form-data; name="appid"\r\n\r\n1',
      }),
  ],
  ['4-no-authorization', 4, () => jsonRequest({ appid: SPEC_APP.appId, ...ID })],
  [
    '4-empty-authorization',
    4,
    () => jsonRequest({ appid: SPEC_APP.appId, ...ID }, { authorization: '  ' }),
  ],
  [
    '5-garbage',
    5,
    () =>
      jsonRequest(
        { appid: SPEC_APP.appId, ...ID },
        { authorization: 'FCHXdPTEwMDAwMzc5Jms9QUtJRGVRZDBrRU1yM2J4ZjhRckJi==' },
      ),
  ],
  [
    '6-signed-other-appid',
    6,
    () =>
      jsonRequest(
        { appid: SPEC_APP.appId, ...ID },
        { authorization: signFor({ ...SPEC_APP, appId: OTHER_APP.appId }) },
      ),
  ],
  ['6-signed-other-bucket', 6, () => signed({ bucket: 'mine' }, { bucket: 'theirs' })],
  ['9-expired', 9, () => signed({}, { expire: NOW - 1 })],
  ['9-e-zero-without-f', 9, () => signed({}, { expire: 0 })],
  ['9-t-in-future', 9, () => signed({}, { now: NOW + 301, expire: NOW + 3600 })],
  ['9-lifetime-over-3-months', 9, () => signed({}, { expire: NOW + MAX_LIFETIME + 1 })],
  ['9-single-use-stale', 9, () => signed({}, { now: NOW - 301, expire: 0, fileid: 'f' })],
  [
    '10-appid-unknown',
    10,
    () =>
      jsonRequest(
        { appid: '1999999999', ...ID },
        { authorization: signFor({ ...SPEC_APP, appId: '1999999999' }) },
      ),
  ],
  [
    '11-secretid-unknown',
    11,
    () => signed({}, {}, { authorization: signFor({ ...SPEC_APP, secretId: 'AKIDnobody' }) }),
  ],
  [
    '12-secretid-of-other-app',
    12,
    () =>
      jsonRequest(
        { appid: OTHER_APP.appId, ...ID },
        { authorization: signFor({ ...SPEC_APP, appId: OTHER_APP.appId }) },
      ),
  ],
  [
    '14-wrong-key',
    14,
    () => signed({}, {}, { authorization: signFor(SPEC_APP, {}, 'docs', 'not-the-key') }),
  ],
  [
    '14-tampered-original',
    14,
    () => {
      const token = Buffer.from(signFor(SPEC_APP), 'base64');
      token[token.length - 4] = 0x31; // u=0 → u=1
      return signed({}, {}, { authorization: token.toString('base64') });
    },
  ],
  ['16-bucket-of-other-app', 16, () => signed({ bucket: `photos-${OTHER_APP.appId}` })],
  ['21-appid-missing', 21, () => jsonRequest({ ...ID }, { authorization: signFor(SPEC_APP) })],
  [
    '21-appid-empty',
    21,
    () => jsonRequest({ appid: '', ...ID }, { authorization: signFor(SPEC_APP) }),
  ],
  [
    '21-appid-object',
    21,
    () => jsonRequest({ appid: {}, ...ID }, { authorization: signFor(SPEC_APP) }),
  ],
  [
    '21-appid-negative',
    21,
    () => jsonRequest({ appid: -1, ...ID }, { authorization: signFor(SPEC_APP) }),
  ],
  [
    '21-appid-spellings-disagree',
    21,
    () =>
      jsonRequest(
        { appid: SPEC_APP.appId, AppID: OTHER_APP.appId, ...ID },
        { authorization: signFor(SPEC_APP) },
      ),
  ],
  ['21-bucket-number', 21, () => signed({ bucket: 7 })],
  ['21-idcard-number-missing', 21, () => signed({ idcard_number: undefined })],
  ['21-idcard-number-as-number', 21, () => signed({ idcard_number: Number(ID.idcard_number) })],
  ['21-idcard-name-null', 21, () => signed({ idcard_name: null })],
  ['21-idcard-name-empty', 21, () => signed({ idcard_name: '' })],
  ['21-bankcard-missing', 21, () => signed({}, {}, { path: '/auth/idbankcard' })],
  [
    '21-bankcard-array',
    21,
    () => signed({ bankcard_number: ['6222021000000000009'] }, {}, { path: '/auth/idbankcard' }),
  ],
  [
    '21-multipart-duplicate-field',
    21,
    async () => {
      const form = await multipartOf({ appid: SPEC_APP.appId, ...ID });
      const body = form.body
        .toString()
        .replace(
          /--\r\n$/,
          `\r\nContent-Disposition: form-data; name="idcard_name"\r\n\r\n李四\r\n${form.body.toString().slice(0, form.body.indexOf('\r\n'))}--\r\n`,
        );
      return wireRequest({ contentType: form.contentType, body, authorization: signFor(SPEC_APP) });
    },
  ],
  [
    '24-disabled-app',
    24,
    () =>
      jsonRequest({ appid: DISABLED_APP.appId, ...ID }, { authorization: signFor(DISABLED_APP) }),
  ],
];

describe('tencent-legacy steps: codes reached through parse/authenticate/toCommand', () => {
  for (const [name, code, build] of CASES) {
    test(`case=${name}`, async () => {
      assert.equal(await codeOfSteps(await build()), code);
    });
  }
});
