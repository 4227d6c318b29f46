/**
 * Format=XML (spec aliyun.md §9.3): the serializer, and rendered success / business / error bodies.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { outcome } from '../../../src/core/outcomes.ts';
import { parse } from '../../../src/dialects/aliyun-cloudauth/framing.ts';
import { render } from '../../../src/dialects/aliyun-cloudauth/response-map.ts';
import { escapeXml, toXml } from '../../../src/dialects/aliyun-cloudauth/xml.ts';
import { isRefusal } from '../../../src/http/dialect.ts';
import { acs3Request, rpcRequest } from './fixtures.ts';

const DECL = '<?xml version="1.0" encoding="UTF-8"?>';
const ID = '04f0f334-1335-436c-a1d7-6c044fe73368';

describe('toXml', () => {
  test('case=escaping', () => {
    assert.equal(
      escapeXml(`<a href="x">&'</a>`),
      '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;',
    );
    assert.equal(escapeXml('张三·𠀀'), '张三·𠀀');
  });

  test('case=characters XML cannot carry are dropped', () => {
    assert.equal(escapeXml('a\u0000b\u0008c\td\ne\rf\uFFFEg\uD800h'), 'abc\td\ne\rfgh');
  });

  test('case=nesting, lists, null and undefined', () => {
    assert.equal(
      toXml('R', { A: '1', B: { C: 2, D: true }, E: ['x', { F: 'y' }], G: null, H: undefined }),
      `${DECL}<R><A>1</A><B><C>2</C><D>true</D></B><E><element>x</element><element><F>y</F></element></E><G/></R>`,
    );
  });
});

describe('rendered XML', () => {
  const xmlRequest = (action: string) =>
    rpcRequest({ action, extra: { Format: 'XML' }, business: { UserName: '张三' } });

  test('case=success', () => {
    const request = xmlRequest('BankMetaVerify');
    const parsed = parse(request);
    assert.ok(!isRefusal(parsed));
    const response = render({
      requestId: ID,
      request,
      parsed,
      outcome: outcome('card_refused', { cardState: 'lost' }),
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers['content-type'], 'text/xml;charset=utf-8');
    assert.equal(
      response.body,
      `${DECL}<BankMetaVerifyResponse><RequestId>${ID.toUpperCase()}</RequestId><Code>200</Code><Message>success</Message><ResultObject><BizCode>2</BizCode><SubCode>210</SubCode></ResultObject></BankMetaVerifyResponse>`,
    );
  });

  test('case=business code', () => {
    const request = xmlRequest('Id2MetaVerify');
    const parsed = parse(request);
    assert.ok(!isRefusal(parsed));
    const o = outcome('missing_parameter', { parameter: 'IdentifyNum' });
    const response = render({ requestId: ID, request, parsed, outcome: o });
    assert.equal(
      response.body,
      `${DECL}<Id2MetaVerifyResponse><RequestId>${ID.toUpperCase()}</RequestId><Code>400</Code><Message>参数不能为空: IdentifyNum</Message></Id2MetaVerifyResponse>`,
    );
  });

  test('case=gateway error before parsing, escaped', () => {
    const request = rpcRequest({ action: 'Id2MetaVerify', extra: { Format: 'xml' } });
    const response = render({ requestId: ID, request, outcome: outcome('unknown_credential') });
    assert.equal(response.status, 404);
    assert.equal(response.headers['content-type'], 'text/xml;charset=utf-8');
    const rid = ID.toUpperCase();
    assert.equal(
      response.body,
      `${DECL}<Error><RequestId>${rid}</RequestId><HostId>cloudauth.aliyuncs.com</HostId><Code>InvalidAccessKeyId.NotFound</Code><Message>Specified access key is not found.</Message><Recommend>https://api.aliyun.com/troubleshoot?q=InvalidAccessKeyId.NotFound&amp;product=Cloudauth&amp;requestId=${rid}</Recommend></Error>`,
    );
  });

  test('case=ACS3 never answers XML', () => {
    const request = acs3Request({ action: 'Id2MetaVerify', query: { Format: 'XML' } });
    const response = render({ requestId: ID, request, outcome: outcome('bad_signature') });
    assert.equal(response.headers['content-type'], 'application/json;charset=utf-8');
  });
});
