import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Random lowercase base36 characters; 16 of them carry ~82 bits. */
export function randomToken(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % 36];
  return out;
}

export type IdPrefix =
  | 'tnt' | 'usr' | 'app' | 'ns' | 'sub' | 'sad' | 'rec' | 'li' | 'ctr' | 'ua' | 'pm' | 'qta' | 'evt'
  | 'ntf' | 'bill' | 'chg' | 'key' | 'svc' | 'imp' | 'aud' | 'ba' | 'rg' | 'mg' | 'res' | 'ses' | 'pay' | 'cpn' | 'mbi'
  | 'cpr' | 'vch' | 'vrd';

/** Ids in the documented style: `tnt_…`, `usr_…`, `rec_…`. */
export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomToken(16)}`;
}
