// Everything that leaves the device is sealed: compressed with zlib, then
// encrypted with ChaCha20-Poly1305 (node:crypto) under the space's 32-byte
// key, with a random 12-byte nonce per file. The additional data binds the
// format version, the space, the device and the file's name, so a file
// cannot be replayed under another name or moved to another space: it then
// fails to open like a tampered one.
//
// Layout of a sealed file: "NETS", a format byte, the nonce, the 16-byte tag,
// the ciphertext.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { entropyToMnemonic, mnemonicToEntropy, validateMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { DataError, UsageError } from '../core/errors.js';

export const FORMAT = 1;
const MAGIC = Buffer.from('NETS');
const NONCE = 12;
const TAG = 16;
const HEADER = MAGIC.length + 1 + NONCE + TAG;

/** A new key for a new space. */
export function newKey(): Buffer {
  return randomBytes(32);
}

/** The key as 24 words of BIP39's English list (the last word carries a checksum). */
export function phraseOf(key: Buffer): string {
  return entropyToMnemonic(new Uint8Array(key), wordlist);
}

/** The key a recovery phrase stands for; a typo is caught by the checksum and named. */
export function keyOfPhrase(text: string): Buffer {
  const words = text.trim().toLowerCase().split(/[\s,]+/).filter(Boolean);
  if (words.length !== 24) throw new UsageError(`a recovery phrase has 24 words; this has ${words.length}`, 'type the 24 words `net sync key` shows on a device that has them');
  const unknown = words.findIndex((w) => !wordlist.includes(w));
  if (unknown >= 0) throw new UsageError(`word ${unknown + 1} of the recovery phrase ("${words[unknown]}") is not a word of the list`, 'check its spelling');
  const phrase = words.join(' ');
  if (!validateMnemonic(phrase, wordlist)) throw new UsageError('the recovery phrase does not add up (its checksum is wrong): a word is mistyped or out of order');
  return Buffer.from(mnemonicToEntropy(phrase, wordlist));
}

/** The additional data of a file: format, space, device and name. */
export function boundTo(space: string, device: string, name: string): Buffer {
  return Buffer.from(`net-sync/${FORMAT}\u0000${space}\u0000${device}\u0000${name}`);
}

export function seal(key: Buffer, aad: Buffer, plain: Buffer): Buffer {
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG });
  const compressed = deflateRawSync(plain);
  // A stream cipher: the ciphertext is as long as the plaintext.
  cipher.setAAD(aad, { plaintextLength: compressed.length });
  const body = Buffer.concat([cipher.update(compressed), cipher.final()]);
  return Buffer.concat([MAGIC, Buffer.from([FORMAT]), nonce, cipher.getAuthTag(), body]);
}

/** Thrown when a file cannot be opened: the message names the file. */
export class SealError extends DataError {}

/** Opens a sealed file; a truncated, tampered or misplaced one is refused with its name. */
export function unseal(key: Buffer, aad: Buffer, sealed: Buffer, name: string): Buffer {
  if (sealed.length < HEADER || !sealed.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new SealError(`${name} is truncated or not a file of net sync (${sealed.length} bytes)`, 'nothing was applied from it; the device that wrote it can write it again with `net sync`');
  }
  if (sealed[MAGIC.length] !== FORMAT) {
    throw new SealError(`${name} is in format ${sealed[MAGIC.length]}, which this net does not read`, 'upgrade net on this device');
  }
  const nonce = sealed.subarray(MAGIC.length + 1, MAGIC.length + 1 + NONCE);
  const tag = sealed.subarray(MAGIC.length + 1 + NONCE, HEADER);
  const decipher = createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG });
  decipher.setAAD(aad, { plaintextLength: sealed.length - HEADER });
  decipher.setAuthTag(tag);
  let compressed: Buffer;
  try {
    compressed = Buffer.concat([decipher.update(sealed.subarray(HEADER)), decipher.final()]);
  } catch {
    throw new SealError(`${name} was changed or damaged after it was written (it fails its authentication)`, 'nothing was applied from it; restore the file from the device that wrote it, or remove it and run `net sync` there');
  }
  return inflateRawSync(compressed);
}
