export {
  ACCEPTED_FORMATS,
  type AcceptedFormat,
  DEFAULT_DECODE_LIMITS,
  type DecodeFailure,
  type DecodeLimits,
  type DecodeResult,
  decodeImage,
  type RgbImage,
} from './decode.ts';
