/**
 * The bodies of the face actions' answers (spec aliyun.md §5.1, §5.2, §9.1), filled from the
 * outcome's facts. Scores are on the 'alibaba' scale (95/90/80/60 at FAR 1e-5/1e-4/1e-3/1e-2)
 * from the calibrated FAR, with 2 decimals.
 *
 * - ContrastFaceVerify / LivenessFaceVerify `ResultObject`: Passed, SubCode, CertifyId (the
 *   request id as 32 hex digits: it names the audit record) and, when there is something to say,
 *   `MaterialInfo` — JSON text with `faceAttack` ("T"/"F", when liveness ran) and
 *   `facialPictureFront.verifyScore` (when a comparison ran). These keys follow Alibaba's
 *   published MaterialInfo examples; the spec lists the field only as "JSON text" (unverified).
 *   `IdentityInfo` is not filled (its content is not documented).
 * - CompareFaces `Data`: SimilarityScore and ConfidenceThresholds, the JSON text of the scale's
 *   documented anchors as FAR → score strings (Alibaba: `{"0.0001":"90.07",…}`).
 * - DetectFaceAttributes `Data.FaceInfos.FaceAttributesDetectInfo[]` (at most 5, largest
 *   first): FaceRect from the detector's box, and in FaceAttributes what the engine measures:
 *   `Facetype` "Face" for every detection, `Facequal` the detector's confidence × 100, and for
 *   the largest face (the only one the engine measures) `Blur` (0–100, 50 at the engine's
 *   default blur gate, higher = blurrier) and `Headpose.RollAngle` (the eye line's angle) and
 *   `Headpose.YawAngle` (estimated from the nose's offset, taking the nose tip half an
 *   inter-ocular distance in front of the eyes). Not provided, so absent: ImgHeight, ImgWidth,
 *   Integrity, Glasses, Respirator, Smiling, Headpose.PitchAngle.
 *
 * @example
 *   compareData({ face: { cosine: 0.6, far: 1e-4 } }) // → { SimilarityScore: 90, ConfidenceThresholds: '{"0.00001":"95.00",…}' }
 */
import type { FaceDetection, OutcomeFacts } from '../../core/outcomes.ts';
import { SCALES, toScale } from '../face-scores.ts';
import type { XmlObject } from './xml.ts';

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** 0 when no comparison ran (never produced for a served outcome; kept total). */
export const alibabaScore = (facts: OutcomeFacts): number =>
  facts.face ? round2(toScale(facts.face.far, 'alibaba')) : 0;

/** `{"0.00001":"95.00","0.0001":"90.00","0.001":"80.00","0.01":"60.00"}`. */
export const CONFIDENCE_THRESHOLDS = JSON.stringify(
  Object.fromEntries(
    SCALES.alibaba
      .filter((a) => a.documented)
      .map((a) => [a.far.toFixed(Math.round(-Math.log10(a.far))), a.score.toFixed(2)]),
  ),
);

export const compareData = (facts: OutcomeFacts): XmlObject => ({
  SimilarityScore: alibabaScore(facts),
  ConfidenceThresholds: CONFIDENCE_THRESHOLDS,
});

/** Sharpness (variance of the Laplacian) at which Blur is 50: the engine's default gate. */
const BLUR_MIDPOINT = 25;
/** Nose-tip depth in front of the eyes, in inter-ocular distances (yaw estimate). */
const NOSE_DEPTH = 0.5;

const measured = (quality: NonNullable<FaceDetection['quality']>): XmlObject => ({
  Blur: round2((100 * BLUR_MIDPOINT) / (BLUR_MIDPOINT + Math.max(0, quality.sharpness))),
  Headpose: {
    RollAngle: round2(quality.rollDeg),
    YawAngle: round2((Math.atan(quality.yaw / NOSE_DEPTH) * 180) / Math.PI),
  },
});

const faceInfo = ({ box, quality }: FaceDetection): XmlObject => ({
  FaceRect: {
    Left: Math.round(box.x),
    Top: Math.round(box.y),
    Width: Math.round(box.width),
    Height: Math.round(box.height),
  },
  FaceAttributes: {
    Facetype: 'Face',
    Facequal: round2(box.score * 100),
    ...(quality && measured(quality)),
  },
});

/** "同一张图片最多检测其中的5张人脸" (DetectFaceAttributes docs). */
const MAX_FACES = 5;

export const detectData = (facts: OutcomeFacts): XmlObject => ({
  FaceInfos: {
    FaceAttributesDetectInfo: (facts.faces ?? []).slice(0, MAX_FACES).map(faceInfo),
  },
});

/** The CertifyId of a synchronous face-flow call: its request id, 32 lower-case hex digits. */
export const certifyId = (requestId: string): string => requestId.replaceAll('-', '').toLowerCase();

/** MaterialInfo's JSON text, or undefined when neither liveness nor a comparison ran. */
export const materialInfo = (
  subCode: string,
  facts: OutcomeFacts,
  livenessAsked: boolean,
): string | undefined => {
  const info: Record<string, unknown> = {};
  // 201–203 are decided before the photo is looked at; 205 is the liveness refusal itself.
  const photoSeen = subCode === '200' || subCode === '204' || subCode === '205';
  if (livenessAsked && photoSeen) info.faceAttack = subCode === '205' ? 'T' : 'F';
  if (facts.face) info.facialPictureFront = { verifyScore: alibabaScore(facts) };
  return Object.keys(info).length > 0 ? JSON.stringify(info) : undefined;
};
