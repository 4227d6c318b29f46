/**
 * What the ID-card reader answers: a typed front or back result with warnings and a quality
 * score, or a typed "retake" when the photo cannot be read reliably (it never guesses).
 */
import type { Quad } from '../ocr/geometry.ts';

export type CardSide = 'front' | 'back';

/**
 * Why a photo must be taken again. `image_invalid` / `image_too_large` come from the shared
 * image decoder (the core maps them to bad-format / too-large outcomes); the rest are the
 * quality gate's and the reader's.
 */
export type RetakeReason =
  | 'image_invalid'
  | 'image_too_large'
  | 'card_not_found'
  | 'card_cut_off'
  | 'card_too_small'
  | 'blurred'
  | 'glare'
  | 'wrong_side'
  | 'unreadable';

export interface Quality {
  /** 0..1; 0.5 is the retake threshold of the weakest measure, 1 is comfortably good. */
  score: number;
  /** Card long side in the original photo's pixels. */
  cardWidthPx: number;
  /** Edge sharpness in the rectified card frame (≈ 1 / blur sigma in card pixels). */
  sharpness: number;
  /** Fraction of the text areas washed out by a specular highlight. */
  glare: number;
  /** True when no card border was found and the whole image was taken as the card. */
  fullFrame: boolean;
}

export interface Retake {
  kind: 'retake';
  side: CardSide;
  reason: RetakeReason;
  /** A short English explanation for logs and developers (not for end users). */
  detail: string;
  quality: Quality | null;
}

export type WarningCode =
  | 'field_missing'
  | 'id_number_unreadable'
  | 'id_number_invalid'
  | 'id_number_corrected'
  | 'birth_date_mismatch'
  | 'sex_mismatch'
  | 'nation_unknown'
  | 'nation_from_list'
  | 'name_invalid'
  | 'validity_malformed'
  | 'validity_span_unusual'
  | 'expired';

export interface FieldWarning {
  code: WarningCode;
  field: string;
  /** The value as printed (read) and the value the cross-check expected, when relevant. */
  printed?: string;
  expected?: string;
  detail?: string;
}

export interface FrontFields {
  name: string | null;
  sex: '男' | '女' | null;
  /** As printed, without 族: 汉, 回, 土家 … */
  nation: string | null;
  /** Printed birth date, YYYY-MM-DD. */
  birthDate: string | null;
  /** All address lines joined, spaces removed. */
  address: string | null;
  /** Only ever a checksum-valid 18-character number; null when it could not be read as one. */
  idNumber: string | null;
}

export interface BackFields {
  authority: string | null;
  /** YYYY-MM-DD */
  validFrom: string | null;
  /** YYYY-MM-DD, or 长期 for a long-term card. */
  validTo: string | null;
}

export type Confidence<F> = { [K in keyof F]: number };

interface ResultBase {
  warnings: FieldWarning[];
  quality: Quality;
  /** The card's corners in the submitted photo (after EXIF rotation), TL, TR, BR, BL as read. */
  corners: Quad;
  /** The card was upside down in the photo. */
  upsideDown: boolean;
}

export interface FrontResult extends ResultBase {
  kind: 'front';
  fields: FrontFields;
  /** Mean recognition probability of the characters behind each field (0 when missing). */
  confidence: Confidence<FrontFields>;
  /** Birth date and sex derived from the ID number (null without a valid number). */
  fromIdNumber: { birthDate: string; sex: '男' | '女'; regionCode: string } | null;
  /** The portrait area of the rectified card as JPEG, and its box in the 856×540 card frame. */
  portrait: { image: Buffer; box: { x: number; y: number; width: number; height: number } };
}

export interface BackResult extends ResultBase {
  kind: 'back';
  fields: BackFields;
  confidence: Confidence<BackFields>;
  /** validTo is before today (Asia/Shanghai); null when validTo was not read. */
  expired: boolean | null;
}
