import type { Migration, MigrationProvider } from 'kysely';
import { initialMigration } from './migrations/0001-initial.js';
import { feedbackMigration } from './migrations/0002-feedback.js';

/**
 * Every schema version, in order. Defined in code rather than read from a folder at run time, so the
 * migrations compile into `dist/` with everything else. A new version is a new entry with the next number;
 * a shipped entry never changes.
 */
export const sqlMigrations: Readonly<Record<string, Migration>> = {
  '0001_initial': initialMigration,
  '0002_feedback': feedbackMigration,
};

/** The migrations as Kysely's `Migrator` asks for them. */
export const sqlMigrationProvider: MigrationProvider = {
  async getMigrations() {
    return { ...sqlMigrations };
  },
};
