/**
 * Personal data at rest: AES-256-GCM envelopes and a keyed HMAC blind index for look-ups.
 * ID numbers are cheap to brute-force (≈10¹¹ candidates, spec identity.md §6), so the index is
 * keyed and the values are encrypted; neither key ever leaves the process.
 *
 * @example
 *   const pii = createPiiCipher(masterKey);
 *   const sealed = pii.seal('110105199003070017');
 *   pii.open(sealed); // '110105199003070017'
 *   pii.index('id', '110105199003070017'); // stable 32-byte hex tag
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PiiCipher {
  seal(plaintext: string): Buffer;
  open(sealed: Buffer): string;
  /** Deterministic look-up tag for an exact, already-normalised value. */
  index(kind: string, value: string): string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 1;

const derive = (master: Buffer, purpose: string): Buffer =>
  Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `shiming ${purpose}`, 32));

/** Random IVs drawn from a refilled pool: one getrandom call per 4096 seals, not per seal. */
const ivSource = () => {
  let pool = Buffer.alloc(0);
  let offset = 0;
  return (): Buffer => {
    if (offset + IV_BYTES > pool.length) {
      pool = randomBytes(IV_BYTES * 4096);
      offset = 0;
    }
    offset += IV_BYTES;
    return pool.subarray(offset - IV_BYTES, offset);
  };
};

export const createPiiCipher = (master: Buffer): PiiCipher => {
  const nextIv = ivSource();
  if (master.length !== 32) throw new Error('the data key must be 32 bytes');
  const encryptionKey = derive(master, 'pii encryption v1');
  const indexKey = derive(master, 'pii blind index v1');
  return {
    seal(plaintext) {
      const iv = nextIv();
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.of(VERSION), iv, cipher.getAuthTag(), body]);
    },
    open(sealed) {
      if (sealed[0] !== VERSION) throw new Error('unknown personal-data envelope version');
      const iv = sealed.subarray(1, 1 + IV_BYTES);
      const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, iv);
      decipher.setAuthTag(tag);
      const body = sealed.subarray(1 + IV_BYTES + TAG_BYTES);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    },
    index(kind, value) {
      return createHmac('sha256', indexKey).update(`${kind}\u0000${value}`).digest('hex');
    },
  };
};

/**
 * The master key: the configured/env key if given (base64), else `<dataDir>/data.key`,
 * created with mode 0600 on first use.
 */
export const loadMasterKey = (dataDir: string, configured?: string): Buffer => {
  const fromEnv = configured ?? process.env.SHIMING_DATA_KEY;
  if (fromEnv) return decodeKey(fromEnv);
  const path = join(dataDir, 'data.key');
  if (existsSync(path)) return decodeKey(readFileSync(path, 'utf8').trim());
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return key;
};

const decodeKey = (text: string): Buffer => {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new Error('the data key must be 32 bytes, base64-encoded');
  return key;
};
