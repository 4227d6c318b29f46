/**
 * The storage seam. Two adapters implement it (sqlite/, postgres/) and both run the same
 * conformance suite (test/store/conformance.ts). Personal data is sealed and blind-indexed by
 * the adapter with the PiiCipher it was given; callers pass and receive plaintext records.
 *
 * @example
 *   const store = await openStore(config, pii);
 *   await store.records.append(record); // resolves once durable
 */
import type { BankCardRecord, Lookup, PersonRecord } from '../authorities/authority.ts';
import type { Outcome } from '../core/outcomes.ts';
import type { App, CredentialLookup } from '../security/apps.ts';

export interface AppStore extends CredentialLookup {
  create(app: App): Promise<void>;
  list(): Promise<App[]>;
  /** False when no such app exists. */
  setDisabled(appId: string, disabled: boolean): Promise<boolean>;
  /** Billed verifications so far (metered against the app's quota). */
  used(appId: string): Promise<number>;
}

export interface ImportResult {
  inserted: number;
  /** Indexes (into the batch) of records refused because the ID number or a card already exists. */
  duplicates: { index: number; field: 'idNumber' | 'bankCard' }[];
}

export interface RegistryStore {
  /** One transaction: all of the batch's accepted rows land, or none do. */
  importBatch(records: readonly PersonRecord[]): Promise<ImportResult>;
  findPerson(idNumber: string): Promise<Lookup<PersonRecord>>;
  findCard(cardNumber: string): Promise<Lookup<{ card: BankCardRecord; holder: PersonRecord }>>;
  findSubscriber(phone: string): Promise<Lookup<PersonRecord>>;
  count(): Promise<number>;
}

/** The audit trail: one row per request. Only masked personal data. */
export interface VerificationRecord {
  requestId: string;
  appId: string | null;
  dialect: string;
  action: string;
  outcome: string;
  billed: boolean;
  latencyMs: number;
  /** Masked subject, e.g. `张* 110105********0017`. */
  subject: string;
  createdAt: number;
}

export interface RecordStore {
  /** Resolves once the record is durable (committed); billed records also count against the app. */
  append(record: VerificationRecord): Promise<void>;
  recent(limit: number): Promise<VerificationRecord[]>;
  count(): Promise<number>;
}

/** A business scenario (BizType) that materials tasks run under, created by the operator. */
export interface BizType {
  name: string;
  createdAt: number;
}

/**
 * The scenarios materials tasks may name. Names are exact (case-sensitive).
 *
 * @example
 *   await store.bizTypes.create('onboarding'); // true; false when it already existed
 *   await store.bizTypes.exists('onboarding'); // true
 */
export interface BizTypeStore {
  /** False (and nothing changes) when the name already exists. */
  create(name: string, createdAt?: number): Promise<boolean>;
  exists(name: string): Promise<boolean>;
  /** In creation order. */
  list(): Promise<BizType[]>;
}

/**
 * A materials task's latest result: the outcome answered, with `facts.materials`. It holds
 * personal data (name, ID number, what OCR read), so adapters keep it sealed; it holds no image.
 */
export interface MaterialsRecord {
  bizType: string;
  bizId: string;
  outcome: Outcome;
  updatedAt: number;
}

/** The photos of one materials submission, as the core loaded them (absent: not given or not loaded). */
export interface MaterialsImages {
  face?: Uint8Array;
  front?: Uint8Array;
  back?: Uint8Array;
}

/** A task's retained photos and the time (ms) at or after which they are purged. */
export interface RetainedImages {
  images: MaterialsImages;
  purgeAt: number;
}

/**
 * Materials tasks by BizType + BizId. A task may be resubmitted until it passes (outcome
 * `match`); a passed task is final.
 *
 * The submitted photos are kept apart from the result, and only when the operator turns image
 * retention on (`retainImagesDays`): one sealed row per task, the latest submission's.
 *
 * @example
 *   if (!(await store.materials.save(record))) console.log('the task had already passed');
 *   const task = await store.materials.find('onboarding', 'order-42');
 *   await store.materials.retainImages('onboarding', 'order-42', { face }, Date.now() + DAY);
 *   await store.materials.purgeImages(Date.now()); // how many tasks' photos were purged
 */
export interface MaterialsStore {
  /**
   * Stores the task's result, replacing an earlier one that did not pass; resolves once durable.
   * False, and nothing written, when the task has already passed.
   */
  save(record: MaterialsRecord): Promise<boolean>;
  find(bizType: string, bizId: string): Promise<MaterialsRecord | undefined>;
  /**
   * Keeps a submission's photos, sealed, until `purgeAt`, replacing whatever was kept for the
   * task before; with no photo at all, removes them. Resolves once durable.
   */
  retainImages(
    bizType: string,
    bizId: string,
    images: MaterialsImages,
    purgeAt: number,
  ): Promise<void>;
  findImages(bizType: string, bizId: string): Promise<RetainedImages | undefined>;
  /** Deletes every task's photos whose purge time is at or before `now`; how many tasks'. */
  purgeImages(now: number): Promise<number>;
}

const PHOTOS = ['face', 'front', 'back'] as const;

/** The photos that are present, or undefined when none is (shared by both adapters). */
export const presentImages = (images: MaterialsImages): MaterialsImages | undefined => {
  const present = PHOTOS.filter((photo) => images[photo] !== undefined);
  return present.length ? Object.fromEntries(present.map((p) => [p, images[p]])) : undefined;
};

/** The form of retained photos the adapters seal: JSON of base64 per photo (the cipher seals text). */
export const encodeImages = (images: MaterialsImages): string =>
  JSON.stringify(
    Object.fromEntries(
      PHOTOS.filter((photo) => images[photo]).map((photo) => [
        photo,
        Buffer.from(images[photo]!).toString('base64'),
      ]),
    ),
  );

export const decodeImages = (text: string): MaterialsImages => {
  const parsed = JSON.parse(text) as Partial<Record<(typeof PHOTOS)[number], string>>;
  return Object.fromEntries(
    PHOTOS.filter((photo) => parsed[photo] !== undefined).map((photo) => [
      photo,
      Buffer.from(parsed[photo]!, 'base64'),
    ]),
  );
};

export interface Store {
  readonly apps: AppStore;
  readonly registry: RegistryStore;
  readonly records: RecordStore;
  readonly bizTypes: BizTypeStore;
  readonly materials: MaterialsStore;
  /** Cheap liveness probe for /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
