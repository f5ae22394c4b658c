import * as argon2 from 'argon2';

// OWASP's argon2id minimum (19 MiB, 2 iterations): about 30 ms here, slow enough against guessing.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Whether a stored hash was made with other (older, weaker) parameters and should be redone. */
export function needsRehash(hash: string): boolean {
  try {
    return !hash.startsWith('$argon2id$') || argon2.needsRehash(hash, OPTIONS);
  } catch {
    return true;
  }
}

export const MIN_PASSWORD_LENGTH = 12;
