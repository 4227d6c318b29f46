/**
 * Wire → core for the legacy routes (seeds 000, 001; spec tencent.md §5). `/auth/idcard` is a
 * name + ID number check, `/auth/idbankcard` the three-element bank card check. Field values go
 * to the core raw; only presence and type are checked here (code 21).
 *
 * @example
 *   toCommand({ action: 'idcard', authorization, fields })
 *   // → { kind: 'identity.verify', name: '张三', idNumber: '110105199003070017' }
 */
import type { Command } from '../../core/commands.ts';
import { outcome } from '../../core/outcomes.ts';
import { isRefusal, type Refusal, refuse } from '../../http/dialect.ts';
import type { WireRequest } from '../../http/wire.ts';
import { type BodyFields, readBody } from './body.ts';
import { PARAMETER } from './codes.ts';
import { actionOf, type LegacyAction } from './routes.ts';

export interface LegacyParsed {
  action: LegacyAction;
  /** The `Authorization` header as received ('' when absent): the bare signature. */
  authorization: string;
  fields: BodyFields;
}

const missing = (parameter: string): Refusal => refuse(outcome('missing_parameter', { parameter }));
const invalid = (parameter: string): Refusal => refuse(outcome('invalid_parameter', { parameter }));

/** Framing only: method, content type, body. Never throws. */
export const parse = (request: WireRequest): LegacyParsed | Refusal => {
  const action = actionOf(request.path);
  if (action === undefined || request.method !== 'POST') return refuse(outcome('unknown_action'));
  try {
    const fields = readBody(request);
    if (isRefusal(fields)) return fields;
    return { action, authorization: request.headers.authorization?.trim() ?? '', fields };
  } catch {
    return refuse(outcome('malformed_request'));
  }
};

// image-node-sdk copies a configured AppId into the JSON body as is, so a number is accepted.
const appIdText = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value;
  return Number.isSafeInteger(value) && (value as number) >= 0 ? String(value) : undefined;
};

/**
 * The body's appid under any letter case (seed 000's table says `AppID`, its example `appid`).
 * Spellings that disagree are an invalid parameter; an empty one is missing.
 */
export const readAppId = (fields: BodyFields): string | Refusal => {
  const values = new Set<string>();
  for (const [key, value] of fields) {
    if (key.toLowerCase() !== 'appid') continue;
    const text = appIdText(value);
    if (text === undefined) return invalid(PARAMETER.appid);
    values.add(text);
  }
  if (values.size > 1) return invalid(PARAMETER.appid);
  const [appid] = values;
  return appid ? appid : missing(PARAMETER.appid);
};

/** The optional `bucket` ('' when absent). */
export const readBucket = (fields: BodyFields): string | Refusal => {
  const bucket = fields.get('bucket') ?? '';
  return typeof bucket === 'string' ? bucket : invalid(PARAMETER.bucket);
};

const readText = (fields: BodyFields, name: string): string | Refusal => {
  const value = fields.get(name);
  if (value === undefined || value === null || value === '') return missing(name);
  return typeof value === 'string' ? value : invalid(name);
};

// shiming keeps no buckets, so any bucket exists, except one in the COS `<name>-<appid>` form
// that names another app as its owner: that one cannot exist for this caller (code 16).
const foreignBucket = (bucket: string, appid: string): boolean => {
  const owner = /-(\d{5,})$/.exec(bucket)?.[1];
  return owner !== undefined && owner !== appid;
};

const checkBucket = (fields: BodyFields): Refusal | undefined => {
  const bucket = readBucket(fields);
  const appid = readAppId(fields);
  if (isRefusal(bucket)) return bucket;
  if (isRefusal(appid)) return appid;
  const parameter = PARAMETER.bucket;
  return foreignBucket(bucket, appid) ? refuse(outcome('not_found', { parameter })) : undefined;
};

const identityCommand = (fields: BodyFields): Command | Refusal => {
  const idNumber = readText(fields, 'idcard_number');
  if (isRefusal(idNumber)) return idNumber;
  const name = readText(fields, 'idcard_name');
  if (isRefusal(name)) return name;
  return { kind: 'identity.verify', name, idNumber };
};

const bankCardCommand = (fields: BodyFields): Command | Refusal => {
  const identity = identityCommand(fields);
  if (isRefusal(identity) || identity.kind !== 'identity.verify') return identity;
  const bankCard = readText(fields, 'bankcard_number');
  if (isRefusal(bankCard)) return bankCard;
  return { kind: 'bankcard.verify', name: identity.name, idNumber: identity.idNumber, bankCard };
};

export const toCommand = (parsed: LegacyParsed): Command | Refusal =>
  checkBucket(parsed.fields) ??
  (parsed.action === 'idcard' ? identityCommand(parsed.fields) : bankCardCommand(parsed.fields));
