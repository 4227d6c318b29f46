/**
 * The core's single entry point: runs one command against the authorities.
 *
 * @example
 *   const core = createCore({ authority, today: shanghaiToday, adultAge: 18 });
 *   await core.execute({ kind: 'identity.verify', name: '张三', idNumber: '110105199003070017' });
 */
import type { Authority } from '../authorities/authority.ts';
import type { FaceEngine } from '../engines/face/index.ts';
import type { IdCardReader } from '../engines/idcard/index.ts';
import type { BizTypeStore, MaterialsStore } from '../store/store.ts';
import { lookupBankCard, verifyBankCard } from './bankcard-check.ts';
import type { CheckAdult, Command } from './commands.ts';
import { checkLiveness, compareFaces, detectFaces, verifyFace } from './face-check.ts';
import { checkIdCard, verifyIdCard } from './idcard-check.ts';
import { adultFacts, checkAdult, verifyIdentity } from './identity-check.ts';
import type { ImageSource } from './images.ts';
import { checkPhone } from './inputs.ts';
import { lookupFailure } from './lookups.ts';
import { describeMaterials, verifyMaterials } from './materials-check.ts';
import type { Outcome } from './outcomes.ts';
import { verifyPhone } from './phone-check.ts';

export interface CoreDeps {
  authority: Authority;
  /** Today's date in Asia/Shanghai, YYYY-MM-DD. */
  today(): string;
  adultAge: number;
  /** Undefined when the server runs without the face engine: face commands then fail cleanly. */
  faces?: FaceEngine;
  images: ImageSource;
  /** The FAR at or below which two faces are called the same person. */
  matchFar: number;
  /** Undefined when the server runs without the ID-card reader: card commands fail cleanly. */
  cards?: IdCardReader;
  /** Business scenarios and materials tasks (the store); materials commands need both. */
  bizTypes?: BizTypeStore;
  materials?: MaterialsStore;
  /** Days the photos of a stored materials submission are kept, sealed; 0 (default): never. */
  retainImagesDays?: number;
}

export interface Core {
  execute(command: Command): Promise<Outcome>;
}

const adultByPhone = async (
  cmd: Extract<CheckAdult, { by: 'phone' }>,
  deps: CoreDeps,
): Promise<Outcome> => {
  const phone = checkPhone(cmd.phone);
  if (!phone.ok) return phone.outcome;
  const lookup = await deps.authority.findSubscriber(phone.value.value);
  if (lookup.status !== 'found') return lookupFailure(lookup)!;
  return adultFacts(lookup.value.idNumber, deps);
};

export const createCore = (deps: CoreDeps): Core => ({
  async execute(command) {
    switch (command.kind) {
      case 'identity.verify':
        return verifyIdentity(command, deps);
      case 'identity.adult':
        return command.by === 'phone' ? adultByPhone(command, deps) : checkAdult(command, deps);
      case 'bankcard.verify':
        return verifyBankCard(command, deps);
      case 'bankcard.lookup':
        return lookupBankCard(command);
      case 'phone.verify':
        return verifyPhone(command, deps);
      case 'face.verify':
        return verifyFace(command, deps);
      case 'face.compare':
        return compareFaces(command, deps);
      case 'face.liveness':
        return checkLiveness(command, deps);
      case 'face.detect':
        return detectFaces(command, deps);
      case 'materials.verify':
        return verifyMaterials(command, deps);
      case 'materials.result':
        return describeMaterials(command, deps);
      case 'idcard.verify':
        return verifyIdCard(command, deps);
      case 'idcard.check':
        return checkIdCard(command, deps);
    }
  },
});
