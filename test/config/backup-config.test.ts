import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config';

describe('backup settings', () => {
  it('default to ./.data/backups, keeping 14', () => {
    expect(parseConfig({}, 'cli').backup).toEqual({ dir: './.data/backups', keep: 14 });
    expect(parseConfig({ BACKUP_DIR: '/var/backups/kakehashi', BACKUP_KEEP: '30' }, 'cli').backup).toEqual({ dir: '/var/backups/kakehashi', keep: 30 });
  });

  it('refuse keeping fewer than one, naming the variable and not the value', () => {
    expect(() => parseConfig({ BACKUP_KEEP: '0' }, 'cli')).toThrow(new ConfigError('Invalid configuration: BACKUP_KEEP expected at least 1'));
    expect(() => parseConfig({ BACKUP_KEEP: 'many' }, 'cli')).toThrow(ConfigError);
  });
});
