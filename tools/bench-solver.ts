/**
 * Runs the rostering engine on Curtois & Qu benchmark files and scores each roster with the
 * independent scorer. Usage:
 *   tsx --tsconfig tsconfig.base.json tools/bench-solver.ts [--time-limit S] [--out DIR] [--seed N]
 *     [--mode both|local-search|mip] FILE...
 * `--mode local-search` runs the local search alone (one worker, no MIP); `--mode mip` HiGHS
 * alone, right after the greedy start (no local-search phase, no second worker). Each line
 * prints the MIP's lower bound when there is one.
 */
import { curtoisToProblem, parseCurtois, scoreCurtois, solve } from '@relais/solver';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const MODES = ['both', 'local-search', 'mip'] as const;
type Mode = (typeof MODES)[number];

interface Args {
  readonly timeLimit: number;
  readonly mode: Mode;
  readonly seed: number;
  readonly out?: string;
  readonly files: readonly string[];
}

function parseArgs(argv: readonly string[]): Args {
  let timeLimit = 60;
  let seed = 1;
  let out: string | undefined;
  let mode: Mode = 'both';
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--time-limit') timeLimit = Number(value());
    else if (arg === '--seed') seed = Number(value());
    else if (arg === '--out') out = value();
    else if (arg === '--mode') mode = value() as Mode;
    else if (arg.startsWith('--')) throw new Error(`Unknown option ${arg}`);
    else files.push(arg);
  }
  if (!(timeLimit > 0)) throw new Error('--time-limit must be a positive number of seconds');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  if (!MODES.includes(mode)) throw new Error(`--mode must be one of ${MODES.join(', ')}`);
  if (files.length === 0) throw new Error('No instance file given');
  return { timeLimit, mode, seed, out, files };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.out !== undefined) mkdirSync(args.out, { recursive: true });
  for (const file of args.files) {
    const name = basename(file).replace(/\.txt$/i, '');
    const instance = parseCurtois(readFileSync(file, 'utf8'));
    const started = performance.now();
    const result = await solve(curtoisToProblem(instance), {
      timeLimitSeconds: args.timeLimit,
      seed: args.seed,
      ...(args.mode === 'local-search' ? { useMip: false } : {}),
      ...(args.mode === 'mip' ? { localSearchShare: 0, parallel: false } : {}),
    });
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    const rows = result.roster.assignments.map((row) => row.map((s) => s ?? ''));
    const score = scoreCurtois(instance, rows);
    console.log(
      JSON.stringify({
        instance: name,
        objective: score.objective,
        seconds,
        feasible: score.feasible,
        ...(args.mode === 'both' ? {} : { mode: args.mode }),
        ...(result.lowerBound === undefined ? {} : { bound: Math.round(result.lowerBound) }),
        optimal:
          result.optimal && score.feasible && score.objective === Math.round(result.objective),
      }),
    );
    if (!score.feasible) console.error(`${name}: ${score.violations.slice(0, 10).join('; ')}`);
    if (args.out !== undefined) {
      const lines = instance.staff.map((s, e) => [s.id, ...(rows[e] ?? [])].join(','));
      writeFileSync(join(args.out, `${name}.roster.csv`), lines.join('\n') + '\n');
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
