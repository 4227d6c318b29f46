/**
 * The photos the sandbox rows name symbolically. An input value `{name}` is the photo's bytes as
 * the field expects them (base64 for Tencent's ImageBase64 and Alibaba's FaceContrastPicture,
 * after `base64://` in Alibaba's image values); `{url:name}` is an http URL that serves it.
 * docs/sandbox.md shows this legend; test/sandbox/walk-photos.test.ts builds each photo (faces
 * from ../shared/data/faces-dev, cards from the project's generator) and walks the rows.
 */
export const PHOTOS = {
  selfie: 'any clear, live, frontal photo of one face (the walk uses spoof/img18_real.jpg)',
  spoof: 'a photo of a screen showing a face: a replay (the walk uses spoof/img18_screen.jpg)',
  'same-a': 'one clear face of someone',
  'same-b': 'another clear photo of the same person as `{same-a}`',
  'other-person': 'a clear face of someone else than `{same-a}`',
  blank: 'a picture without a face (a plain grey 640 × 480 JPEG)',
  'two-faces': 'two faces side by side',
  'tiny-face': 'one face, under 100 pixels wide, in a larger picture',
  'not-an-image': 'bytes that are no image (text)',
  oversize: 'base64 longer than 3 MiB',
  missing: 'only as `{url:missing}`: a URL that answers 404',
} as const;

export type PhotoName = keyof typeof PHOTOS;

/** Every photo symbol a value names, URL or not. */
export const SYMBOL = /\{(url:)?([^{}]+)\}/g;

export const photoNames = (inputs: Readonly<Record<string, unknown>>): string[] =>
  Object.values(inputs).flatMap((value) =>
    typeof value === 'string' ? [...value.matchAll(SYMBOL)].map((m) => m[2]!) : [],
  );
