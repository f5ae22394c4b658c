import { warmSolverPool } from '@relais/solver';
import { warmUpRota } from './app/rota/rota-warm-up';
import { createApp } from './bootstrap';
import { ConfigError, loadConfig } from './config/config';

async function main(): Promise<void> {
  const config = loadConfig();
  const running = await createApp(config);
  await running.app.listen({ port: config.port, host: '0.0.0.0' });
  const where = config.databaseUrl
    ? 'PostgreSQL (DATABASE_URL)'
    : `base embarquée (${config.dataDir})`;
  console.log(`Relais écoute sur http://localhost:${config.port} — ${where}`);
  // In the background: requests are served meanwhile; a failure only costs the first week's speed.
  warmUpRota(running.app).catch((error: unknown) =>
    console.warn(`Préchauffage du planning impossible : ${String(error)}`),
  );
  // The auto-fill's solver worker, also in the background: the first auto-fill then finds HiGHS
  // loaded and compiled (a fresh worker adds a second or more to it); one asked meanwhile waits.
  if (config.solverWarmUp) {
    warmSolverPool().catch((error: unknown) =>
      console.warn(`Préchauffage du solveur impossible : ${String(error)}`),
    );
  }

  let isClosing = false;
  const shutdown = async (signal: string) => {
    if (isClosing) return;
    isClosing = true;
    console.log(`${signal} reçu, arrêt propre…`);
    await running.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`Configuration invalide : ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
