/** The password facts of one account. */
export interface PasswordAccount {
  id: string;
  username: string;
  passwordHash: string;
}

/** A new password as stored: its hash, when it was set, and whether the next login must change it. */
export interface PasswordChange {
  passwordHash: string;
  changedAt: Date;
  mustChange: boolean;
}

/** Persistence of passwords and their history. */
export interface PasswordRepository {
  findAccount(userId: string): Promise<PasswordAccount | null>;
  /** Hashes of the account's latest passwords, newest first. */
  recentHashes(userId: string, limit: number): Promise<string[]>;
  /** Stores the password on the account and in its history, keeping only the newest `keep` history rows. */
  save(userId: string, change: PasswordChange, keep: number): Promise<void>;
}
