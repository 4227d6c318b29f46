/**
 * The Cloudauth 2019-03-07 action catalogue: which actions shiming serves, and every other name
 * the real API knows (spec aliyun.md §3), so that "exists but not served yet" can be told apart
 * from "no such action".
 *
 * @example
 *   SERVED.get('BankMetaVerify') // → { family: 'bank', standard: false }
 *   isCloudauthAction('InitFaceVerify') // → true (known, not served yet)
 */

export const API_VERSION = '2019-03-07';

/**
 * How an action's answer looks: the information checks' ResultObject with BizCode (§5.3), the
 * face flow's ResultObject with Passed/SubCode (§4.3, §5.2: `faceFlow`), the legacy
 * `Code`/`Success`/`Data` shape with gateway errors (§5.1, §9.1: `compare`, `detect`), or the
 * legacy real-person shape with `VerifyStatus` and no Code (§4.1, §5.1, §9.1: `materials` for
 * VerifyMaterial, `materialsResult` for DescribeVerifyResult).
 */
export type Family =
  | 'id2'
  | 'bank'
  | 'mobileSimple'
  | 'mobileDetail'
  | 'compare'
  | 'detect'
  | 'faceFlow'
  | 'materials'
  | 'materialsResult';

/** The face families (face-codes.ts has their table). */
export const FACE_FAMILIES: ReadonlySet<Family> = new Set(['compare', 'detect', 'faceFlow']);

/** The legacy real-person families (materials-codes.ts has their table). */
export const MATERIALS_FAMILIES: ReadonlySet<Family> = new Set(['materials', 'materialsResult']);

export interface ServedAction {
  family: Family;
  /** Id2MetaPeriodVerify: ValidityStartDate/ValidityEndDate are part of the check. */
  period?: boolean;
  /** The …StandardVerify mobile variants also cover China Broadnet (IspName CBCC, §4.2). */
  standard?: boolean;
  /** LivenessFaceVerify: the face flow without a name and ID number (liveness only). */
  liveness?: boolean;
  /**
   * `VerifyMaterials`, the name seed 004 documents: answered in that document's shape
   * (`Data` + `Success` + `Code`) with its 3101–3103 error codes (materials-codes.ts).
   */
  seedShape?: boolean;
}

export const SERVED: ReadonlyMap<string, ServedAction> = new Map([
  ['Id2MetaVerify', { family: 'id2' }],
  ['Id2MetaStandardVerify', { family: 'id2' }],
  ['Id2MetaPeriodVerify', { family: 'id2', period: true }],
  ['BankMetaVerify', { family: 'bank' }],
  ['Mobile3MetaSimpleVerify', { family: 'mobileSimple' }],
  ['Mobile3MetaDetailVerify', { family: 'mobileDetail' }],
  ['Mobile3MetaSimpleStandardVerify', { family: 'mobileSimple', standard: true }],
  ['Mobile3MetaDetailStandardVerify', { family: 'mobileDetail', standard: true }],
  ['CompareFaces', { family: 'compare' }],
  ['DetectFaceAttributes', { family: 'detect' }],
  ['ContrastFaceVerify', { family: 'faceFlow' }],
  ['LivenessFaceVerify', { family: 'faceFlow', liveness: true }],
  ['VerifyMaterial', { family: 'materials' }],
  // Not a 2019-03-07 name (spec §0.6), but the one seed 004 documents: served under both.
  ['VerifyMaterials', { family: 'materials', seedShape: true }],
  ['DescribeVerifyResult', { family: 'materialsResult' }],
] satisfies [string, ServedAction][]);

/** All 100 actions of 2019-03-07 (Go SDK HEAD ∪ metadata, spec §3). */
const CATALOGUE = new Set(
  [
    'InitFaceVerify DescribeFaceVerify ContrastFaceVerify CompareFaceVerify LivenessFaceVerify',
    'DescribeFaceGuardRisk AIGCFaceVerify DeleteFaceVerifyResult DeepfakeDetect Id2MetaVerify',
    'Id2MetaStandardVerify Id2MetaPeriodVerify Id2MetaVerifyWithOCR Id3MetaVerify',
    'Id3MetaVerifyWithOCR InitCardVerify DescribeCardVerify InitAuthVerify DescribeAuthVerify',
    'BankMetaVerify Mobile3MetaSimpleVerify Mobile3MetaDetailVerify',
    'Mobile3MetaSimpleStandardVerify Mobile3MetaDetailStandardVerify Mobile2MetaVerify',
    'MobileDetect MobileOnlineStatus MobileOnlineTime MobileRecycledMetaVerify CredentialVerify',
    'CredentialVerifyV2 CredentialProductVerifyV2 VehicleMetaVerify VehicleMetaVerifyV2',
    'Vehicle5ItemQuery VehicleQuery VehicleInsureQuery VerifyMaterial DescribeVerifyToken',
    'DescribeVerifyResult CompareFaces DetectFaceAttributes CreateAuthKey DescribeOssUploadToken',
    'CreateVerifySetting DescribeVerifySDK ModifyDeviceInfo DescribeDeviceInfo',
    'DescribePageFaceVerifyData CreateCloudauthstScene DeleteCloudauthstScene',
    'DescribeCloudauthstSceneList DescribeSmartStatisticsPageList CreateAntCloudAuthScene',
    'UpdateAntCloudAuthScene DeleteAntCloudAuthScene DescribeListAntCloudAuthScenes',
    'RemoveWhiteListSetting InsertWhiteListSetting PageQueryWhiteListSetting',
    'CreateWhitelistSetting DeleteWhitelistSetting DescribeWhitelistSetting',
    'DescribeAntAndCloudAuthUserStatus DescribeListFaceVerifyData DescribeListFaceVerifyInfos',
    'DescribeOssStatus DescribeOssStatusV2 DescribePageSetting DescribeProductCode',
    'DescribeVerifyDeviceRiskStatistics DescribeVerifyFailStatistics',
    'DescribeVerifyPersonasDeviceModelStatistics DescribeVerifyPersonasOsStatistics',
    'DescribeVerifyPersonasProvinceStatistics DescribeVerifyPersonasSexStatistics',
    'DescribeVerifySearchPageList DescribeVerifyStatistics DescribeMetaSearchPageList',
    'DescribeMetaStatisticsList DescribeMetaStatisticsPageList DescribeInfoCheckExportRecord',
    'QuerySceneConfigs CreateSceneConfig UpdateSceneConfig DeleteSceneConfig',
    'QueryVerifyDownloadTask DownloadVerifyRecords QueryVerifyFlowPackage',
    'QueryVerifyInvokeSatistic QueryCustomizeFlowStrategy DeleteCustomizeFlowStrategy',
    'DeleteAllCustomizeFlowStrategy ModifyCustomizeFlowStrategyList ModifyControlStrategy',
    'QueryControlStrategy DeleteControlStrategy ModifyBlackListStrategy QueryBlackListStrategy',
    'DeleteBlackListStrategy',
  ]
    .join(' ')
    .split(' '),
);

/** True for every action name of Cloudauth 2019-03-07, served or not. */
export const isCloudauthAction = (name: string): boolean => CATALOGUE.has(name);

/** Catalogue size, pinned by a test against spec §3. */
export const CATALOGUE_SIZE = CATALOGUE.size;
