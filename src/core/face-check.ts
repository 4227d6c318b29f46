/**
 * Face commands: a photo against the authority portrait, two photos against each other,
 * passive liveness, detection. The engine decides what a photo shows; the calibration turns a
 * similarity into a false-accept rate (FAR), and the core calls it the same person when the FAR
 * is at or below `matchFar` (1e-4 by default: the "same person" point of every seed's scale).
 */
import type { IdentityAuthority, PersonRecord, PortraitRecord } from '../authorities/authority.ts';
import type { FaceAnalysis, FaceEngine } from '../engines/face/index.ts';
import type {
  CheckLiveness,
  CompareFaces,
  DetectFaces,
  ImageInput,
  VerifyFace,
} from './commands.ts';
import { type ImageSource, loadImage } from './images.ts';
import { type Checked, checkIdNumber, checkName } from './inputs.ts';
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

export type Analyzed = { ok: true; analysis: FaceAnalysis } | { ok: false; outcome: Outcome };

const QUALITY: ReadonlySet<string> = new Set<FaceQualityProblem>([
  'face_too_small',
  'too_rotated',
  'too_dark',
  'too_bright',
  'too_blurred',
]);

/** The engine's verdict on one photo as an outcome, when it is not usable. */
const usable = (analysis: FaceAnalysis, liveness: boolean): Outcome | undefined => {
  const o = analysis.outcome;
  if (o === 'ok') {
    const live = analysis.liveness;
    if (liveness && live.status === 'scored' && live.risk === 'high') {
      return outcome('liveness_failed', {
        liveness: { score: live.score, threshold: live.threshold },
      });
    }
    return undefined;
  }
  if (QUALITY.has(o)) return outcome('poor_quality', { quality: o as FaceQualityProblem });
  return outcome(o as 'no_face' | 'several_faces' | 'image_invalid' | 'image_too_large');
};

/** The engine's analysis of a photo's bytes, or the outcome that makes it unusable. */
export const analyzeBytes = async (
  bytes: Uint8Array,
  deps: FaceDeps,
  role: 'selfie' | 'portrait',
  liveness = false,
): Promise<Analyzed> => {
  if (!deps.faces) return { ok: false, outcome: outcome('service_unavailable') };
  const analysis = await deps.faces.analyze(bytes, { role, liveness });
  const refused = usable(analysis, liveness);
  return refused ? { ok: false, outcome: refused } : { ok: true, analysis };
};

/** `analyzeBytes` of a caller's image (base64 or URL). */
export const analyzePhoto = async (
  input: ImageInput,
  deps: FaceDeps,
  role: 'selfie' | 'portrait',
  liveness = false,
): Promise<Analyzed> => {
  if (!deps.faces) return { ok: false, outcome: outcome('service_unavailable') };
  const image = await loadImage(input, deps.images);
  if (!image.ok) return image;
  return analyzeBytes(image.bytes, deps, role, liveness);
};

/** Match when the score's FAR is at or below the configured point, else a face mismatch. */
export const verdict = (score: FaceScore, deps: FaceDeps): Outcome =>
  score.far <= deps.matchFar
    ? outcome('match', { face: score })
    : outcome('mismatch', { mismatch: 'face', face: score });

/** The score of a selfie against a stored portrait, or undefined when the portrait is unusable. */
export const scoreAgainst = (
  portrait: PortraitRecord,
  selfie: FaceAnalysis,
  faces: FaceEngine,
): FaceScore | undefined => {
  if ('sandbox' in portrait) {
    return portrait.sandbox === 'unusable'
      ? undefined
      : { cosine: Number.NaN, far: SANDBOX_FAR[portrait.sandbox] };
  }
  if (portrait.pack !== faces.pack) return undefined;
  const template = new Float32Array(
    new Uint8Array(Buffer.from(portrait.template, 'base64')).buffer,
  );
  return faces.compare(selfie, template);
};

/**
 * The authority's record for name + ID number when the name matches it, else the outcome that
 * stops the check (invalid ID number or name, no record, authority unavailable, name mismatch).
 */
export const findNamedPerson = async (
  rawName: string,
  rawIdNumber: string,
  deps: Pick<FaceDeps, 'authority' | 'today'>,
): Promise<Checked<PersonRecord>> => {
  const id = checkIdNumber(rawIdNumber, deps.today());
  if (!id.ok) return id;
  const name = checkName(rawName);
  if (!name.ok) return name;
  const lookup = await deps.authority.findPerson(id.value.value);
  if (lookup.status !== 'found') return { ok: false, outcome: lookupFailure(lookup)! };
  if (lookup.value.name !== name.value) {
    return { ok: false, outcome: outcome('mismatch', { mismatch: 'name' }) };
  }
  return { ok: true, value: lookup.value };
};

/**
 * An analysed face against the person's authority portrait: match / mismatch (with the score),
 * or no_portrait when there is none or it cannot be used.
 */
export const compareWithPortrait = (
  person: PersonRecord,
  face: FaceAnalysis,
  deps: FaceDeps,
): Outcome => {
  if (!person.portrait) return outcome('no_portrait', { portraitProblem: 'missing' });
  const score = scoreAgainst(person.portrait, face, deps.faces!);
  return score ? verdict(score, deps) : outcome('no_portrait', { portraitProblem: 'unusable' });
};

export const verifyFace = async (cmd: VerifyFace, deps: FaceDeps): Promise<Outcome> => {
  const person = await findNamedPerson(cmd.name, cmd.idNumber, deps);
  if (!person.ok) return person.outcome;
  if (!person.value.portrait) return outcome('no_portrait', { portraitProblem: 'missing' });
  const selfie = await analyzePhoto(cmd.image, deps, 'selfie', cmd.liveness);
  if (!selfie.ok) return selfie.outcome;
  return compareWithPortrait(person.value, selfie.analysis, deps);
};

export const compareFaces = async (cmd: CompareFaces, deps: FaceDeps): Promise<Outcome> => {
  const [source, target] = await Promise.all([
    analyzePhoto(cmd.source, deps, 'selfie'),
    analyzePhoto(cmd.target, deps, 'portrait'),
  ]);
  if (!source.ok) return source.outcome;
  if (!target.ok) return target.outcome;
  return verdict(deps.faces!.compare(source.analysis, target.analysis), deps);
};

export const checkLiveness = async (cmd: CheckLiveness, deps: FaceDeps): Promise<Outcome> => {
  const selfie = await analyzePhoto(cmd.image, deps, 'selfie', true);
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
    return outcome(
      analysis.outcome === 'image_invalid' || analysis.outcome === 'image_too_large'
        ? analysis.outcome
        : 'no_face',
    );
  }
  const quality = analysis.face?.quality;
  const faces = analysis.faces.map((box, i) => (i === 0 && quality ? { box, quality } : { box }));
  return outcome('match', { faces });
};
