/**
 * The shapes a Cloudauth answer can take, and their constructors, shared by the code tables
 * (codes.ts for the information checks and the platform, face-codes.ts for the face actions):
 * - `result`: HTTP 200, Code "200", ResultObject.BizCode (+ SubCode where the action has one);
 * - `verdict`: HTTP 200, Code "200", ResultObject.Passed "T"/"F" + SubCode (face flow, §4.3);
 * - `data`: HTTP 200, Code "200", Success true and a `Data` object (CompareFaces and
 *   DetectFaceAttributes, §9.1) filled from the outcome's facts;
 * - `status`: HTTP 200, the legacy real-person body with `VerifyStatus` (VerifyMaterial,
 *   DescribeVerifyResult: no Code, §9.1; VerifyMaterials: seed 004's `Data` shape);
 * - `business`: HTTP 200 with a Code ≠ "200" (§4.3), which pop-core throws as `<Code>Error`
 *   and Tea SDKs return as data (§9.4);
 * - `gateway`: HTTP 4xx/5xx with the RPC error envelope and a fixed message (§4.4, §10).
 *
 * @example
 *   gateway(400, 'Error.NoFaceDetected', 'No face detected from given images.')
 */
import type { OutcomeFacts } from '../../core/outcomes.ts';
import type { Family } from './actions.ts';

export type BizCode = '1' | '2' | '3';
export type BusinessCode = '400' | '401' | '402' | '403' | '405' | '412' | '417' | '418';

export type WireCode =
  | { kind: 'result'; bizCode: BizCode; subCode: string }
  | { kind: 'verdict'; passed: boolean; subCode: string }
  | { kind: 'data' }
  | { kind: 'status'; verifyStatus: number }
  | { kind: 'business'; code: BusinessCode; parameter?: string }
  | { kind: 'gateway'; status: number; code: string; message: string };

export interface CodeView {
  /** The served action's family, once parsing succeeded. */
  family?: Family;
  /** …StandardVerify mobile actions (they also cover China Broadnet). */
  standard?: boolean;
  /** VerifyMaterials, the seed's name of VerifyMaterial (its own codes and shape). */
  seedShape?: boolean;
  /** The Cloudauth action the request named when shiming does not serve it yet. */
  notServedYet?: string;
  /** The request's parameters, once parsing succeeded (which image form was sent). */
  params?: ReadonlyMap<string, string>;
  facts: OutcomeFacts;
}

export const result = (bizCode: BizCode, subCode: string): WireCode => ({
  kind: 'result',
  bizCode,
  subCode,
});
export const verdict = (passed: boolean, subCode: string): WireCode => ({
  kind: 'verdict',
  passed,
  subCode,
});
export const DATA: WireCode = { kind: 'data' };
export const status = (verifyStatus: number): WireCode => ({ kind: 'status', verifyStatus });
export const business = (code: BusinessCode, parameter?: string): WireCode =>
  parameter ? { kind: 'business', code, parameter } : { kind: 'business', code };
export const gateway = (status: number, code: string, message: string): WireCode => ({
  kind: 'gateway',
  status,
  code,
  message,
});

/** The generic internal error (§10). */
export const INTERNAL_ERROR = gateway(
  500,
  'InternalError',
  'The request processing has failed due to some unknown error, exception or failure.',
);
