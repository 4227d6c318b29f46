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

/**
 * Materials tasks by BizType + BizId. A task may be resubmitted until it passes (outcome
 * `match`); a passed task is final.
 *
 * @example
 *   if (!(await store.materials.save(record))) console.log('the task had already passed');
 *   const task = await store.materials.find('onboarding', 'order-42');
 */
export interface MaterialsStore {
  /**
   * Stores the task's result, replacing an earlier one that did not pass; resolves once durable.
   * False, and nothing written, when the task has already passed.
   */
  save(record: MaterialsRecord): Promise<boolean>;
  find(bizType: string, bizId: string): Promise<MaterialsRecord | undefined>;
}

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
