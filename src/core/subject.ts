/** The masked subject of a command, the only personal data an audit record carries. */
import { maskBankCard, maskIdNumber, maskName, maskPhone } from '../identity/index.ts';
import type { Command } from './commands.ts';

export const maskedSubject = (command: Command | undefined): string => {
  if (!command) return '';
  const parts: string[] = [];
  if ('name' in command && command.name) parts.push(maskName(command.name));
  if ('idNumber' in command && command.idNumber) parts.push(maskIdNumber(command.idNumber));
  if ('bankCard' in command) parts.push(maskBankCard(command.bankCard));
  if ('phone' in command && command.phone) parts.push(maskPhone(command.phone));
  return parts.join(' ');
};
