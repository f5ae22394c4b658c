import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { uuid_ossp } from '@electric-sql/pglite/contrib/uuid_ossp';
import { AddressInfo } from 'node:net';

/**
 * PostgreSQL settings of the embedded database. Its memory lives in the server's own process and
 * WebAssembly memory never shrinks: every buffer page once touched stays resident. PostgreSQL's
 * default of 128 MB of shared buffers, filled by the start-up's checks and the first weeks read,
 * kept the idle server near 360 MB; the operating system's page cache holds the data files
 * anyway (PGlite reads them through the file system), so a small pool costs little.
 */
const EMBEDDED_SETTINGS = ['shared_buffers = 16MB'];

/**
 * PGlite (PostgreSQL compiled to WebAssembly) served on a loopback socket, so TypeORM's ordinary
 * `pg` driver talks to it exactly as to a real server: same SQL, same migrations.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly url: string,
  ) {}

  /** `dataDir` undefined keeps the database in memory (tests). */
  static async start(
    dataDir: string | undefined,
    maxConnections: number,
  ): Promise<EmbeddedPostgres> {
    const db = await PGlite.create(dataDir, {
      extensions: { btree_gist, uuid_ossp },
      postgresqlconf: EMBEDDED_SETTINGS,
    });
    // The socket server defaults to one connection: a second pooled connection would be dropped.
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
    await server.start();
    const port = EmbeddedPostgres.boundPort(server);
    return new EmbeddedPostgres(db, server, `postgres://postgres@127.0.0.1:${port}/postgres`);
  }

  private static boundPort(server: PGLiteSocketServer): number {
    // The server keeps its net.Server private; port 0 means we must ask the OS which port it got.
    const inner = (server as unknown as { server?: { address(): AddressInfo | string | null } })
      .server;
    const address = inner?.address();
    if (address && typeof address === 'object') return address.port;
    const match = /:(\d+)$/.exec(server.getServerConn());
    if (!match) throw new Error('Port de la base embarquée introuvable.');
    return Number(match[1]);
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
  }
}
