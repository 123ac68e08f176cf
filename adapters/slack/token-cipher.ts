// Slack installations (their bot tokens) are encrypted at rest with AES-256-GCM (node:crypto).
// SLACK_TOKEN_ENCRYPTION_KEY is 32 random bytes in base64 (`openssl rand -base64 32`); each sealed
// value names the key that sealed it (the first 8 hex digits of the key's SHA-256), so a key can be
// rotated: put the old one in SLACK_TOKEN_ENCRYPTION_OLD_KEYS, the new one in
// SLACK_TOKEN_ENCRYPTION_KEY; old rows are still read and rewritten under the new key when saved.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface Sealed {
  keyId: string;
  data: string;
}

/** A key's id: never the key, and stable across restarts. */
export const keyIdOf = (key: Buffer): string => createHash('sha256').update(key).digest('hex').slice(0, 8);

/** 32 bytes from base64, or null when the text is not such a key. */
export function parseKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) return null;
  const key = Buffer.from(trimmed, 'base64');
  return key.length === 32 ? key : null;
}

export class TokenCipher {
  private readonly current: { id: string; key: Buffer };
  private readonly keys = new Map<string, Buffer>();

  constructor(currentKey: Buffer, oldKeys: Buffer[] = []) {
    this.current = { id: keyIdOf(currentKey), key: currentKey };
    for (const key of [currentKey, ...oldKeys]) this.keys.set(keyIdOf(key), key);
  }

  get keyId(): string {
    return this.current.id;
  }

  seal(plain: string): Sealed {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    // the key id is authenticated too: a row cannot be relabelled to another key
    cipher.setAAD(Buffer.from(this.current.id));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return { keyId: this.current.id, data: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64') };
  }

  /** The plain text; throws (code E_TOKEN_KEY) when the key is unknown or the data was altered. */
  open(sealed: Sealed): string {
    const key = this.keys.get(sealed.keyId);
    if (!key) {
      throw Object.assign(
        new Error(
          `A Slack installation is encrypted with key ${sealed.keyId}, which is neither SLACK_TOKEN_ENCRYPTION_KEY nor in SLACK_TOKEN_ENCRYPTION_OLD_KEYS.`,
        ),
        { code: 'E_TOKEN_KEY' },
      );
    }
    const raw = Buffer.from(sealed.data, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(sealed.keyId));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw Object.assign(new Error('A Slack installation could not be decrypted: the stored data was altered.'), {
        code: 'E_TOKEN_KEY',
      });
    }
  }
}
