/**
 * Dialect-neutral commands. A dialect translates its wire request into one of these; the core
 * executes it against the authorities and returns an `Outcome`. Field values are raw caller
 * input: normalisation and validation belong to the core (identity rules), not to dialects.
 *
 * @example
 *   const cmd: Command = { kind: 'identity.verify', name: '张三', idNumber: '11010519491231002X' };
 */
import type { Carrier } from './outcomes.ts';

/** Name + ID number, optionally with the card's validity period (YYYYMMDD; end may be long-term). */
export interface VerifyIdentity {
  kind: 'identity.verify';
  name: string;
  idNumber: string;
  validity?: { begin: string; end: string };
}

/** Is the person an adult? By name + ID number (checked against the record) or by phone subscriber. */
export type CheckAdult =
  | { kind: 'identity.adult'; by: 'identity'; name: string; idNumber: string }
  | { kind: 'identity.adult'; by: 'phone'; phone: string };

/** Bank card + name (2 elements), + ID number (3), + reserved phone (4). */
export interface VerifyBankCard {
  kind: 'bankcard.verify';
  name: string;
  bankCard: string;
  idNumber?: string;
  phone?: string;
  /** 0 = mainland resident identity card, the only supported certificate type. */
  certType?: number;
}

/** Issuer and card type of a card number (no personal data involved). */
export interface LookupBankCard {
  kind: 'bankcard.lookup';
  bankCard: string;
}

/** Phone + name + ID number; `carrier` restricts the check to one operator's subscribers. */
export interface VerifyPhone {
  kind: 'phone.verify';
  name: string;
  idNumber: string;
  phone: string;
  carrier?: Carrier;
}

/** A photo as the caller gave it: inline (base64) or by URL (fetched by the safe fetcher). */
export type ImageInput = { base64: string } | { url: string };

/** A face photo against the authority's portrait of name + ID number. */
export interface VerifyFace {
  kind: 'face.verify';
  name: string;
  idNumber: string;
  image: ImageInput;
  /** Also hold the photo to passive liveness. */
  liveness?: boolean;
}

/** Two photos of (supposedly) one person. */
export interface CompareFaces {
  kind: 'face.compare';
  source: ImageInput;
  target: ImageInput;
}

/** Passive liveness of one selfie. */
export interface CheckLiveness {
  kind: 'face.liveness';
  image: ImageInput;
}

/** The faces in one photo, with their quality measurements. */
export interface DetectFaces {
  kind: 'face.detect';
  image: ImageInput;
}

/**
 * Server-side materials verification: a selfie and the ID card's two sides, checked against
 * the authority and each other (identity, card OCR, card validity, face vs card portrait, face
 * vs authority portrait). The result is stored under `bizType` + `bizId`; a task may be
 * resubmitted until it passes.
 */
export interface VerifyMaterials {
  kind: 'materials.verify';
  bizType: string;
  bizId: string;
  name: string;
  idNumber: string;
  face: ImageInput;
  front?: ImageInput;
  back?: ImageInput;
  userId?: string;
}

/** The stored result of a materials task. */
export interface DescribeMaterials {
  kind: 'materials.result';
  bizType: string;
  bizId: string;
}

/**
 * Name + ID number check where the elements may come from an ID-card photo (OCR of the portrait
 * side) instead of text; text wins when both are given.
 */
export interface VerifyIdCard {
  kind: 'idcard.verify';
  name?: string;
  idNumber?: string;
  image?: ImageInput;
}

/** OCR of an ID card's portrait side, and its portrait against the authority portrait. */
export interface CheckIdCard {
  kind: 'idcard.check';
  image: ImageInput;
}

export type Command =
  | VerifyIdentity
  | CheckAdult
  | VerifyBankCard
  | LookupBankCard
  | VerifyPhone
  | VerifyFace
  | CompareFaces
  | CheckLiveness
  | DetectFaces
  | VerifyMaterials
  | DescribeMaterials
  | VerifyIdCard
  | CheckIdCard;
export type CommandKind = Command['kind'];
