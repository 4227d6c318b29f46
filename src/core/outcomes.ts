/**
 * The closed catalogue of outcomes. Every request ends in exactly one of these; each dialect
 * renders it with one table (`dialects/<family>/codes.ts`). The public message is safe to send;
 * internal causes go to the log only. `docs/outcomes.md` lists the same catalogue (a test keeps
 * the two in sync).
 *
 * @example
 *   const outcome: Outcome = { code: 'mismatch', facts: { mismatch: 'name' } };
 */
export const OUTCOME_MESSAGES = {
  // Verification results.
  match: 'The submitted elements are consistent.',
  mismatch: 'The submitted elements are inconsistent.',
  not_found: 'No record was found for the submitted identity.',
  card_refused: 'The bank card cannot pass verification because of its state.',
  invalid_id_number: 'The ID number is not valid.',
  invalid_name: 'The name is not valid.',
  invalid_bank_card: 'The bank card number is not valid.',
  invalid_phone: 'The phone number is not valid.',
  invalid_validity: 'The ID card validity dates are not valid.',
  unsupported_cert_type: 'Only the mainland resident identity card is supported.',
  unsupported_number_range: 'This phone number range cannot be verified.',
  authority_unavailable: 'The authority source is unavailable.',
  authority_upgrading: 'The authority source is being upgraded.',
  attempt_limit: 'Too many attempts for this subject today.',
  // Face and image outcomes.
  no_portrait: 'The authority holds no usable portrait for this identity.',
  no_face: 'No face was found in the photo.',
  several_faces: 'The photo shows more than one face.',
  poor_quality: 'The face in the photo is not good enough to compare.',
  liveness_failed: 'The photo looks like a copy of a face, not a live person.',
  image_invalid: 'The image cannot be decoded.',
  image_too_large: 'The image is too large.',
  image_unavailable: 'The image could not be downloaded from the given URL.',
  // ID-card and materials outcomes.
  card_unreadable: 'The ID card photo cannot be read; take it again.',
  card_mismatch: 'The ID card photo does not show the submitted identity.',
  card_expired: 'The ID card has expired.',
  card_not_original: 'The ID card photo is not of an original card (a copy or a screen).',
  risk_rejected: 'The verification was refused by risk control.',
  unknown_biz_type: 'The business scenario (BizType) does not exist.',
  already_passed: 'This verification task has already passed.',
  no_result: 'No verification result exists for this task.',
  // Platform errors.
  unsigned: 'The request carries no signature.',
  malformed_signature: 'The signature is not in the required format.',
  bad_signature: 'The signature does not match.',
  signature_expired: 'The signature timestamp is outside the allowed window.',
  unknown_credential: 'The credential does not exist.',
  credential_mismatch: 'The credential does not belong to the application named in the request.',
  app_disabled: 'The application is disabled.',
  replay: 'The request was already used.',
  rate_limited: 'Too many requests for this application.',
  quota_exhausted: 'The application has used up its quota.',
  payload_too_large: 'The request body is too large.',
  malformed_request: 'The request body could not be parsed.',
  missing_parameter: 'A required parameter is missing.',
  invalid_parameter: 'A parameter has an invalid value or type.',
  unknown_action: 'The action does not exist.',
  unsupported_version: 'The API version is not supported.',
  service_unavailable: 'A service the server depends on is unavailable.',
  internal: 'Internal error.',
} as const;

export type OutcomeCode = keyof typeof OUTCOME_MESSAGES;
export const OUTCOME_CODES = Object.keys(OUTCOME_MESSAGES) as OutcomeCode[];

/** Bank-side card states a registry record may carry (the sandbox uses every one). */
export const CARD_STATES = [
  'normal',
  'holder_info_wrong',
  'no_card_not_present',
  'confiscated',
  'invalid',
  'no_issuer',
  'dormant',
  'fraud',
  'lost',
  'expired',
  'restricted',
  'pin_locked',
  'issuer_refused',
  'abnormal',
  'no_reserved_phone',
  'wrong_credentials',
  'other',
  'service_unsupported',
  'bank_unavailable',
  'phone_check_unsupported',
] as const;
export type CardState = (typeof CARD_STATES)[number];

/** Which submitted element disagrees with the record. */
export type MismatchField =
  | 'name'
  | 'id_number'
  | 'name_and_id_number'
  | 'phone'
  | 'validity'
  | 'face'
  | 'other';

/** Why an ID number was refused (identity rules). */
export type IdNumberProblem = 'format' | 'checksum' | 'date' | 'future' | 'province' | 'too_old';

import type { RetakeReason } from '../engines/idcard/types.ts';
import type { Carrier } from '../identity/phone.ts';

export type { Carrier };

export interface BankCardFacts {
  bankCode?: string;
  bankName?: string;
  cardType?: 'DC' | 'CC' | 'SCC' | 'PC';
  luhn: boolean;
}

/** Why a face photo cannot be compared (the engine's quality gates). */
export type FaceQualityProblem =
  | 'face_too_small'
  | 'too_rotated'
  | 'too_dark'
  | 'too_bright'
  | 'too_blurred';

/** A comparison's cosine similarity and its calibrated false-accept rate. */
export interface FaceScore {
  cosine: number;
  far: number;
}

export interface FaceDetection {
  box: { x: number; y: number; width: number; height: number; score: number };
  quality?: { sharpness: number; brightness: number; yaw: number; rollDeg: number };
}

/** Why an ID card photo must be taken again: the reader's retake reasons, less decoding. */
export type CardProblem = Exclude<RetakeReason, 'image_invalid' | 'image_too_large'>;

/** What OCR read from an ID card (absent fields were not read). */
export interface IdCardFacts {
  name?: string;
  sex?: '男' | '女';
  nation?: string;
  birthDate?: string;
  address?: string;
  idNumber?: string;
  authority?: string;
  validFrom?: string;
  validTo?: string;
  /** The card's portrait crop, base64 JPEG. */
  portrait?: string;
  /** Cross-check disagreements and reading doubts (never silently corrected). */
  warnings: string[];
  /** 0..1 photo quality of the card. */
  quality?: number;
}

/** A stored materials task, as the result action reports it. */
export interface MaterialsFacts {
  verifyToken: string;
  /** The outcome code the task ended with. */
  status: OutcomeCode;
  /** Selfie vs the authority portrait and vs the card portrait, when compared. */
  authorityScore?: FaceScore;
  cardScore?: FaceScore;
  idCard?: IdCardFacts;
  /** The submitted elements, echoed (name, ID number, image URLs). */
  submitted: {
    name: string;
    idNumber: string;
    faceUrl?: string;
    frontUrl?: string;
    backUrl?: string;
  };
}

/** Extra facts an outcome may carry, for dialects that report more than a code. */
export interface OutcomeFacts {
  mismatch?: MismatchField;
  cardState?: CardState;
  idProblem?: IdNumberProblem;
  carrier?: Carrier | null;
  adult?: boolean;
  bankCard?: BankCardFacts;
  /** For missing/invalid parameter outcomes: the wire name of the parameter. */
  parameter?: string;
  /** Seconds a rate-limited caller should wait. */
  retryAfter?: number;
  /** Face comparison score (match / mismatch of a face, and for information elsewhere). */
  face?: FaceScore;
  quality?: FaceQualityProblem;
  /** Passive liveness: P(live) and the threshold it was held to. */
  liveness?: { score: number; threshold: number };
  /** Faces found by a detection command, largest first. */
  faces?: FaceDetection[];
  /** Whether no portrait exists or the one held cannot be used. */
  portraitProblem?: 'missing' | 'unusable';
  cardProblem?: CardProblem;
  /** Which comparison a face mismatch failed: against the card portrait or the authority's. */
  against?: 'card' | 'authority';
  idCard?: IdCardFacts;
  materials?: MaterialsFacts;
  /** Sandbox risk personas: which risk rule refused. */
  risk?: 'not_account_holder' | 'different_person';
}

export interface Outcome {
  code: OutcomeCode;
  facts?: OutcomeFacts;
}

export const outcome = (code: OutcomeCode, facts?: OutcomeFacts): Outcome =>
  facts ? { code, facts } : { code };

/** Outcomes that reached the authority's data: these are metered against a quota. */
const BILLED: ReadonlySet<OutcomeCode> = new Set(['match', 'mismatch', 'card_refused']);
export const isBilled = (o: Outcome): boolean => BILLED.has(o.code);
