/**
 * Face commands: a photo against the authority portrait, two photos against each other,
 * passive liveness, detection. The engine decides what a photo shows; the calibration turns a
 * similarity into a false-accept rate (FAR), and the core calls it the same person when the FAR
 * is at or below `matchFar` (1e-4 by default: the "same person" point of every seed's scale).
 */
import type { IdentityAuthority, PortraitRecord } from '../authorities/authority.ts';
import type { FaceAnalysis, FaceEngine } from '../engines/face/index.ts';
import type { CheckLiveness, CompareFaces, DetectFaces, ImageInput, VerifyFace } from './commands.ts';
import { type ImageSource, loadImage } from './images.ts';
import { checkIdNumber, checkName } from './inputs.ts';
import { lookupFailure } from './lookups.ts';
import { type FaceQualityProblem, type FaceScore, type Outcome, outcome } from './outcomes.ts';

export interface FaceDeps {
  /** Undefined when the server runs without the face engine. */
  faces?: FaceEngine;
  images: ImageSource;
  authority: IdentityAuthority;
  today(): string;
  matchFar: number;
}

/**
 * The sandbox's documented verdicts stand for these FARs (docs/sandbox.md): far below, inside
 * and far above the undecided band of every scale.
 */
const SANDBOX_FAR = { same_person: 1e-6, undecided: 10 ** -3.4, different_person: 0.5 } as const;

type Analyzed = { ok: true; analysis: FaceAnalysis } | { ok: false; outcome: Outcome };

const QUALITY: ReadonlySet<string> = new Set<FaceQualityProblem>(['face_too_small', 'too_rotated', 'too_dark', 'too_bright', 'too_blurred']);

/** The engine's verdict on one photo as an outcome, when it is not usable. */
const usable = (analysis: FaceAnalysis, liveness: boolean): Outcome | undefined => {
  const o = analysis.outcome;
  if (o === 'ok') {
    const live = analysis.liveness;
    if (liveness && live.status === 'scored' && live.risk === 'high') {
      return outcome('liveness_failed', { liveness: { score: live.score, threshold: live.threshold } });
    }
    return undefined;
  }
  if (QUALITY.has(o)) return outcome('poor_quality', { quality: o as FaceQualityProblem });
  return outcome(o as 'no_face' | 'several_faces' | 'image_invalid' | 'image_too_large');
};

const analyze = async (input: ImageInput, deps: FaceDeps, role: 'selfie' | 'portrait', liveness = false): Promise<Analyzed> => {
  if (!deps.faces) return { ok: false, outcome: outcome('service_unavailable') };
  const image = await loadImage(input, deps.images);
  if (!image.ok) return image;
  const analysis = await deps.faces.analyze(image.bytes, { role, liveness });
  const refused = usable(analysis, liveness);
  return refused ? { ok: false, outcome: refused } : { ok: true, analysis };
};

const verdict = (score: FaceScore, deps: FaceDeps): Outcome =>
  score.far <= deps.matchFar ? outcome('match', { face: score }) : outcome('mismatch', { mismatch: 'face', face: score });

/** The score of a selfie against a stored portrait, or undefined when the portrait is unusable. */
const scoreAgainst = (portrait: PortraitRecord, selfie: FaceAnalysis, faces: FaceEngine): FaceScore | undefined => {
  if ('sandbox' in portrait) {
    return portrait.sandbox === 'unusable' ? undefined : { cosine: Number.NaN, far: SANDBOX_FAR[portrait.sandbox] };
  }
  if (portrait.pack !== faces.pack) return undefined;
  const template = new Float32Array(new Uint8Array(Buffer.from(portrait.template, 'base64')).buffer);
  return faces.compare(selfie, template);
};

export const verifyFace = async (cmd: VerifyFace, deps: FaceDeps): Promise<Outcome> => {
  const id = checkIdNumber(cmd.idNumber, deps.today());
  if (!id.ok) return id.outcome;
  const name = checkName(cmd.name);
  if (!name.ok) return name.outcome;
  const lookup = await deps.authority.findPerson(id.value.value);
  if (lookup.status !== 'found') return lookupFailure(lookup)!;
  if (lookup.value.name !== name.value) return outcome('mismatch', { mismatch: 'name' });
  const portrait = lookup.value.portrait;
  if (!portrait) return outcome('no_portrait', { portraitProblem: 'missing' });
  const selfie = await analyze(cmd.image, deps, 'selfie', cmd.liveness);
  if (!selfie.ok) return selfie.outcome;
  const score = scoreAgainst(portrait, selfie.analysis, deps.faces!);
  return score ? verdict(score, deps) : outcome('no_portrait', { portraitProblem: 'unusable' });
};

export const compareFaces = async (cmd: CompareFaces, deps: FaceDeps): Promise<Outcome> => {
  const [source, target] = await Promise.all([analyze(cmd.source, deps, 'selfie'), analyze(cmd.target, deps, 'portrait')]);
  if (!source.ok) return source.outcome;
  if (!target.ok) return target.outcome;
  return verdict(deps.faces!.compare(source.analysis, target.analysis), deps);
};

export const checkLiveness = async (cmd: CheckLiveness, deps: FaceDeps): Promise<Outcome> => {
  const selfie = await analyze(cmd.image, deps, 'selfie', true);
  if (!selfie.ok) return selfie.outcome;
  const live = selfie.analysis.liveness;
  if (live.status !== 'scored') return outcome('service_unavailable');
  return outcome('match', { liveness: { score: live.score, threshold: live.threshold } });
};

/** Detection reports every face; only an undecodable image or no face at all is refused. */
export const detectFaces = async (cmd: DetectFaces, deps: FaceDeps): Promise<Outcome> => {
  if (!deps.faces) return outcome('service_unavailable');
  const image = await loadImage(cmd.image, deps.images);
  if (!image.ok) return image.outcome;
  const analysis = await deps.faces.analyze(image.bytes, { role: 'portrait' });
  if (analysis.faces.length === 0) {
    return outcome(analysis.outcome === 'image_invalid' || analysis.outcome === 'image_too_large' ? analysis.outcome : 'no_face');
  }
  const quality = analysis.face?.quality;
  const faces = analysis.faces.map((box, i) => (i === 0 && quality ? { box, quality } : { box }));
  return outcome('match', { faces });
};
