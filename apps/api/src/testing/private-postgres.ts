import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The server binaries: `PG_BIN` (CI sets those of the cluster it runs), else the newest that
 * Debian installed under /usr/lib/postgresql.
 */
export const PG_BIN = process.env['PG_BIN'] || newestDebianBinaries();

function newestDebianBinaries(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d+$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return join(root, versions[0] ?? '15', 'bin');
}

/** Whether a private server can be started here (the binaries exist). */
export function canRunPrivatePostgres(): boolean {
  return existsSync(join(PG_BIN, 'initdb')) && existsSync(join(PG_BIN, 'pg_ctl'));
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('port')),
      );
    });
  });
}

/**
 * A throw-away PostgreSQL server of its own (data in a temporary folder, loopback port), for the
 * tests that stop, restart or replicate a server: never the shared one. PostgreSQL refuses to run
 * as root, so under root it runs as the `postgres` user.
 */
export class PrivatePostgres {
  private constructor(
    readonly dataDir: string,
    readonly port: number,
    private readonly root: string,
  ) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  /** initdb + start. `settings` become `-c name=value` options of the server. */
  static async start(settings: Record<string, string> = {}): Promise<PrivatePostgres> {
    const root = mkdtempSync(join(tmpdir(), 'relais-pg-'));
    const server = new PrivatePostgres(join(root, 'data'), await freePort(), root);
    server.own(root);
    await server.exec('initdb', [
      '-D',
      server.dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    server.settings = settings;
    await server.startServer();
    return server;
  }

  /** A hot standby streaming from this server (`pg_basebackup -R`), on a port of its own. */
  async standby(): Promise<PrivatePostgres> {
    const root = mkdtempSync(join(tmpdir(), 'relais-pg-standby-'));
    const standby = new PrivatePostgres(join(root, 'data'), await freePort(), root);
    standby.own(root);
    await standby.exec('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(this.port),
      '-U',
      'postgres',
      '-D',
      standby.dataDir,
      '-R',
      '-X',
      'stream',
      '--no-sync',
    ]);
    standby.settings = { ...this.settings, hot_standby: 'on' };
    await standby.startServer();
    return standby;
  }

  private settings: Record<string, string> = {};

  async startServer(): Promise<void> {
    const options = [
      `-p ${this.port}`,
      `-k ${this.root}`,
      `-c listen_addresses=127.0.0.1`,
      `-c fsync=off`,
      `-c synchronous_commit=off`,
      `-c full_page_writes=off`,
      ...Object.entries(this.settings).map(([name, value]) => `-c ${name}=${value}`),
    ].join(' ');
    await this.exec('pg_ctl', [
      '-D',
      this.dataDir,
      '-o',
      options,
      '-l',
      join(this.root, 'server.log'),
      '-w',
      '-t',
      '60',
      'start',
    ]);
  }

  /** Stops the server: `fast` ends sessions cleanly, `immediate` is a crash. */
  async stopServer(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.exec('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', '-t', '60', 'stop']);
  }

  /** Stops the server if it runs and deletes its files. */
  async destroy(): Promise<void> {
    await this.stopServer('immediate').catch(() => undefined);
    rmSync(this.root, { recursive: true, force: true });
  }

  private own(path: string): void {
    if (process.getuid?.() === 0) {
      const [uid, gid] = idsOf('postgres');
      chownSync(path, uid, gid);
    }
  }

  private async exec(binary: string, args: string[]): Promise<void> {
    const path = join(PG_BIN, binary);
    const [command, commandArgs] =
      process.getuid?.() === 0
        ? ['runuser', ['-u', 'postgres', '--', path, ...args]]
        : [path, args];
    await run(command, commandArgs, { cwd: this.root, timeout: 120_000 });
  }
}

/** uid and gid of a system user, from /etc/passwd. */
function idsOf(user: string): [number, number] {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith(`${user}:`));
  if (!line) throw new Error(`no ${user} user to run PostgreSQL as`);
  const fields = line.split(':');
  return [Number(fields[2]), Number(fields[3])];
}
