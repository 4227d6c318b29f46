/**
 * The captured requests of spec aliyun.md §7 (dummy key testid / testsecret, server clock
 * 2026-11-24T04:17:32Z), with what the capturing server recomputed. Generated from the spec
 * text; do not edit by hand.
 */

export interface Capture {
  label: string;
  title: string;
  method: 'GET' | 'POST';
  rawQuery: string;
  headers: Record<string, string>;
  body: string;
  /** The signature the server recomputed (and received). */
  expected: string;
  stringToSign: string;
  canonicalRequest?: string;
}

export const CAPTURED_AT = Date.parse('2026-11-24T04:17:32Z');

export const CAPTURES: Capture[] = [
  {
    label: 'A',
    title: 'pop-core GET VerifyMaterial (RPC v1)',
    method: 'GET',
    rawQuery:
      'AccessKeyId=testid&Action=VerifyMaterial&BizId=biz-0001&BizType=RPMinTest&FaceImageUrl=http%3A%2F%2Fexample.com%2Fa%20b%2Ac~d%21%28x%29%27.jpg&Format=JSON&IdCardNumber=330100199001011234&Name=%E5%BC%A0%E4%B8%89&RegionId=cn-hangzhou&SignatureMethod=HMAC-SHA1&SignatureNonce=d0e303abbf8a91217f5e8aa980ae53d7&SignatureVersion=1.0&Timestamp=2026-11-24T04%3A17%3A32Z&UserId=u1&Version=2019-03-07&Signature=buPK%2Bofgw%2FIefCc1DnTsrt3CqBc%3D',
    headers: {
      'x-sdk-client': 'Node.js(v20.20.2), @alicloud/pop-core: 1.8.0',
      'user-agent': 'AlibabaCloud (linux; x64) Node.js/v20.20.2 Core/1.8.0',
      'x-acs-action': 'VerifyMaterial',
      'x-acs-version': '2019-03-07',
      host: '127.0.0.1:18080',
      connection: 'keep-alive',
    },
    body: '',
    expected: 'buPK+ofgw/IefCc1DnTsrt3CqBc=',
    stringToSign:
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DVerifyMaterial%26BizId%3Dbiz-0001%26BizType%3DRPMinTest%26FaceImageUrl%3Dhttp%253A%252F%252Fexample.com%252Fa%2520b%252Ac~d%2521%2528x%2529%2527.jpg%26Format%3DJSON%26IdCardNumber%3D330100199001011234%26Name%3D%25E5%25BC%25A0%25E4%25B8%2589%26RegionId%3Dcn-hangzhou%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3Dd0e303abbf8a91217f5e8aa980ae53d7%26SignatureVersion%3D1.0%26Timestamp%3D2026-11-24T04%253A17%253A32Z%26UserId%3Du1%26Version%3D2019-03-07',
  },
  {
    label: 'B',
    title: 'pop-core POST VerifyMaterial (RPC v1)',
    method: 'POST',
    rawQuery: '',
    headers: {
      'x-sdk-client': 'Node.js(v20.20.2), @alicloud/pop-core: 1.8.0',
      'user-agent': 'AlibabaCloud (linux; x64) Node.js/v20.20.2 Core/1.8.0',
      'x-acs-action': 'VerifyMaterial',
      'x-acs-version': '2019-03-07',
      'content-type': 'application/x-www-form-urlencoded',
      host: '127.0.0.1:18080',
      connection: 'keep-alive',
      'content-length': '435',
    },
    body: 'AccessKeyId=testid&Action=VerifyMaterial&BizId=biz-0001&BizType=RPMinTest&FaceImageUrl=http%3A%2F%2Fexample.com%2Fa%20b%2Ac~d%21%28x%29%27.jpg&Format=JSON&IdCardNumber=330100199001011234&Name=%E5%BC%A0%E4%B8%89&RegionId=cn-hangzhou&SignatureMethod=HMAC-SHA1&SignatureNonce=15ba518ef61d433bb1fa5ff599066b93&SignatureVersion=1.0&Timestamp=2026-11-24T04%3A17%3A32Z&UserId=u1&Version=2019-03-07&Signature=6LCP4%2Bc082Y%2Bz16eODGwlD2l3kE%3D',
    expected: '6LCP4+c082Y+z16eODGwlD2l3kE=',
    stringToSign:
      'POST&%2F&AccessKeyId%3Dtestid%26Action%3DVerifyMaterial%26BizId%3Dbiz-0001%26BizType%3DRPMinTest%26FaceImageUrl%3Dhttp%253A%252F%252Fexample.com%252Fa%2520b%252Ac~d%2521%2528x%2529%2527.jpg%26Format%3DJSON%26IdCardNumber%3D330100199001011234%26Name%3D%25E5%25BC%25A0%25E4%25B8%2589%26RegionId%3Dcn-hangzhou%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D15ba518ef61d433bb1fa5ff599066b93%26SignatureVersion%3D1.0%26Timestamp%3D2026-11-24T04%253A17%253A32Z%26UserId%3Du1%26Version%3D2019-03-07',
  },
  {
    label: 'C',
    title: 'pop-core POST Id2MetaVerify (RPC v1)',
    method: 'POST',
    rawQuery: '',
    headers: {
      'x-sdk-client': 'Node.js(v20.20.2), @alicloud/pop-core: 1.8.0',
      'user-agent': 'AlibabaCloud (linux; x64) Node.js/v20.20.2 Core/1.8.0',
      'x-acs-action': 'Id2MetaVerify',
      'x-acs-version': '2019-03-07',
      'content-type': 'application/x-www-form-urlencoded',
      host: '127.0.0.1:18080',
      connection: 'keep-alive',
      'content-length': '338',
    },
    body: 'AccessKeyId=testid&Action=Id2MetaVerify&Format=JSON&IdentifyNum=330100199001011234&ParamType=normal&RegionId=cn-hangzhou&SignatureMethod=HMAC-SHA1&SignatureNonce=ce7d1af7bafe7691fbf4a2618fc5679e&SignatureVersion=1.0&Timestamp=2026-11-24T04%3A17%3A32Z&UserName=%E5%BC%A0%E4%B8%89&Version=2019-03-07&Signature=FXxCNMe2tTtcLVlRx3n6oQO4knE%3D',
    expected: 'FXxCNMe2tTtcLVlRx3n6oQO4knE=',
    stringToSign:
      'POST&%2F&AccessKeyId%3Dtestid%26Action%3DId2MetaVerify%26Format%3DJSON%26IdentifyNum%3D330100199001011234%26ParamType%3Dnormal%26RegionId%3Dcn-hangzhou%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3Dce7d1af7bafe7691fbf4a2618fc5679e%26SignatureVersion%3D1.0%26Timestamp%3D2026-11-24T04%253A17%253A32Z%26UserName%3D%25E5%25BC%25A0%25E4%25B8%2589%26Version%3D2019-03-07',
  },
  {
    label: 'D',
    title: 'cloudauth20190307 VerifyMaterial (default = ACS3-HMAC-SHA256)',
    method: 'POST',
    rawQuery:
      'BizId=biz-0001&BizType=RPMinTest&FaceImageUrl=http%3A%2F%2Fexample.com%2Fa%20b*c~d!(x)%27.jpg&IdCardNumber=330100199001011234&Name=%E5%BC%A0%E4%B8%89&UserId=u1',
    headers: {
      host: '127.0.0.1:18080',
      'x-acs-version': '2019-03-07',
      'x-acs-action': 'VerifyMaterial',
      'user-agent': 'AlibabaCloud (linux; x64) Node.js/v20.20.2 Core/1.0.1 TeaDSL/2',
      'x-acs-date': '2026-11-24T04:17:32Z',
      'x-acs-signature-nonce': '17afafcec756f6e98b85b1a0e9bdad6807d199a5b6d910b863a8094ce96ac45e',
      accept: 'application/json',
      'x-acs-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'x-acs-credentials-provider': 'static_ak',
      authorization:
        'ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=2940ccbc7606e18aefe1f9cbe9812ffd3bb5aef361f3498dc20c52d90c038e9a',
      connection: 'keep-alive',
      'content-length': '0',
    },
    body: '',
    expected: '2940ccbc7606e18aefe1f9cbe9812ffd3bb5aef361f3498dc20c52d90c038e9a',
    canonicalRequest:
      'POST\n/\nBizId=biz-0001&BizType=RPMinTest&FaceImageUrl=http%3A%2F%2Fexample.com%2Fa%20b%2Ac~d%21%28x%29%27.jpg&IdCardNumber=330100199001011234&Name=%E5%BC%A0%E4%B8%89&UserId=u1\nhost:127.0.0.1:18080\nx-acs-action:VerifyMaterial\nx-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\nx-acs-credentials-provider:static_ak\nx-acs-date:2026-11-24T04:17:32Z\nx-acs-signature-nonce:17afafcec756f6e98b85b1a0e9bdad6807d199a5b6d910b863a8094ce96ac45e\nx-acs-version:2019-03-07\n\nhost;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    stringToSign:
      'ACS3-HMAC-SHA256\n72c9ab227be58caadabfcfe80acb51fecd66891f72ca7281d215eaa809067063',
  },
  {
    label: 'E',
    title: 'cloudauth20190307 Id2MetaVerify (default = ACS3-HMAC-SHA256)',
    method: 'POST',
    rawQuery: '',
    headers: {
      host: '127.0.0.1:18080',
      'x-acs-version': '2019-03-07',
      'x-acs-action': 'Id2MetaVerify',
      'user-agent': 'AlibabaCloud (linux; x64) Node.js/v20.20.2 Core/1.0.1 TeaDSL/2',
      'x-acs-date': '2026-11-24T04:17:32Z',
      'x-acs-signature-nonce': 'cb4ef043b4dcd74e532969e0e1762dcb2e01065ac8d3aeb8a3265d6fb83b29a7',
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded',
      'x-acs-content-sha256': '221514e9312f07c82b7aec456694eca2999127bd9229ec08d92d7528cc304e79',
      'x-acs-credentials-provider': 'static_ak',
      authorization:
        'ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=e3e144f190f582a2b0991a681749ba0c47cde1decf52b89cb2d3838eef6598ce',
      connection: 'keep-alive',
      'transfer-encoding': 'chunked',
    },
    body: 'IdentifyNum=330100199001011234&ParamType=normal&UserName=%E5%BC%A0%E4%B8%89',
    expected: 'e3e144f190f582a2b0991a681749ba0c47cde1decf52b89cb2d3838eef6598ce',
    canonicalRequest:
      'POST\n/\n\ncontent-type:application/x-www-form-urlencoded\nhost:127.0.0.1:18080\nx-acs-action:Id2MetaVerify\nx-acs-content-sha256:221514e9312f07c82b7aec456694eca2999127bd9229ec08d92d7528cc304e79\nx-acs-credentials-provider:static_ak\nx-acs-date:2026-11-24T04:17:32Z\nx-acs-signature-nonce:cb4ef043b4dcd74e532969e0e1762dcb2e01065ac8d3aeb8a3265d6fb83b29a7\nx-acs-version:2019-03-07\n\ncontent-type;host;x-acs-action;x-acs-content-sha256;x-acs-credentials-provider;x-acs-date;x-acs-signature-nonce;x-acs-version\n221514e9312f07c82b7aec456694eca2999127bd9229ec08d92d7528cc304e79',
    stringToSign:
      'ACS3-HMAC-SHA256\n5a278b1ff8535007319d17ee64c6fcc244e525fba6638edf34374799cda59b5e',
  },
  {
    label: 'F',
    title: 'cloudauth20190307 VerifyMaterial with signatureAlgorithm:"v2" (RPC v1)',
    method: 'POST',
    rawQuery:
      'Action=VerifyMaterial&Format=json&Version=2019-03-07&Timestamp=2026-11-24T04%3A17%3A32Z&SignatureNonce=dff1f7414884e032613778efff0c9456be898ef32489cdccc322818eec2142bf&BizId=biz-0001&BizType=RPMinTest&FaceImageUrl=http%3A%2F%2Fexample.com%2Fa%20b*c~d!(x)%27.jpg&IdCardNumber=330100199001011234&Name=%E5%BC%A0%E4%B8%89&UserId=u1&SignatureMethod=HMAC-SHA1&SignatureVersion=1.0&AccessKeyId=testid&Signature=4pXX45znLROsCEPWOVty5UfOIMA%3D',
    headers: {
      host: '127.0.0.1:18080',
      'x-acs-version': '2019-03-07',
      'x-acs-action': 'VerifyMaterial',
      'user-agent': 'AlibabaCloud (linux; x64) Node.js/v20.20.2 Core/1.0.1 TeaDSL/2',
      'x-acs-credentials-provider': 'static_ak',
      connection: 'keep-alive',
      'content-length': '0',
    },
    body: '',
    expected: '4pXX45znLROsCEPWOVty5UfOIMA=',
    stringToSign:
      'POST&%2F&AccessKeyId%3Dtestid%26Action%3DVerifyMaterial%26BizId%3Dbiz-0001%26BizType%3DRPMinTest%26FaceImageUrl%3Dhttp%253A%252F%252Fexample.com%252Fa%2520b%252Ac~d%2521%2528x%2529%2527.jpg%26Format%3Djson%26IdCardNumber%3D330100199001011234%26Name%3D%25E5%25BC%25A0%25E4%25B8%2589%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3Ddff1f7414884e032613778efff0c9456be898ef32489cdccc322818eec2142bf%26SignatureVersion%3D1.0%26Timestamp%3D2026-11-24T04%253A17%253A32Z%26UserId%3Du1%26Version%3D2019-03-07',
  },
  {
    label: 'G',
    title: 'cloudauth20190307 Id2MetaVerify with signatureAlgorithm:"v2" (RPC v1)',
    method: 'POST',
    rawQuery:
      'Action=Id2MetaVerify&Format=json&Version=2019-03-07&Timestamp=2026-11-24T04%3A17%3A32Z&SignatureNonce=2c12504b8b6685c70f84bc32227b7b81f04f243b48a0791b9fdf203599f702f4&SignatureMethod=HMAC-SHA1&SignatureVersion=1.0&AccessKeyId=testid&Signature=kmss0alEHSHcGssgRk0dcHDbLqo%3D',
    headers: {
      host: '127.0.0.1:18080',
      'x-acs-version': '2019-03-07',
      'x-acs-action': 'Id2MetaVerify',
      'user-agent': 'AlibabaCloud (linux; x64) Node.js/v20.20.2 Core/1.0.1 TeaDSL/2',
      'content-type': 'application/x-www-form-urlencoded',
      'x-acs-credentials-provider': 'static_ak',
      connection: 'keep-alive',
      'transfer-encoding': 'chunked',
    },
    body: 'IdentifyNum=330100199001011234&ParamType=normal&UserName=%E5%BC%A0%E4%B8%89',
    expected: 'kmss0alEHSHcGssgRk0dcHDbLqo=',
    stringToSign:
      'POST&%2F&AccessKeyId%3Dtestid%26Action%3DId2MetaVerify%26Format%3Djson%26IdentifyNum%3D330100199001011234%26ParamType%3Dnormal%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D2c12504b8b6685c70f84bc32227b7b81f04f243b48a0791b9fdf203599f702f4%26SignatureVersion%3D1.0%26Timestamp%3D2026-11-24T04%253A17%253A32Z%26UserName%3D%25E5%25BC%25A0%25E4%25B8%2589%26Version%3D2019-03-07',
  },
];
