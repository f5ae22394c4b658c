import type { Highs } from 'highs';
import { meetsBound, runColumnGeneration, type ColumnGenerationSpan } from './column-generation';
import { compile, toRoster, type Assign, type Compiled } from './compile';
import { evaluateAssign } from './evaluate';
import { runLns } from './lns';
import { LocalSearch } from './local-search';
import { loadHighs, runMip, type MipRunResult } from './mip';
import type { Progress, Roster, RosterProblem, SolveOptions, SolveResult } from './model';
import { RowSearch, rowSearchApplicable } from './row-search';
import type { SharedIncumbent } from './shared-incumbent';

export interface SolveControl {
  /** Polled by both phases; true ends the solve with the best roster so far. */
  readonly shouldStop?: () => boolean;
  /** Each new best roster, for anytime use (a cancelled worker still has something to return). */
  readonly onProgress?: (progress: Progress, roster: Roster) => void;
  /**
   * The second worker of a solve: never the full MIP. Where the MIP neighbourhoods apply, the row
   * search then neighbourhoods of its own (employee groups first); otherwise the local search
   * alone for its whole budget.
   */
  readonly helper?: boolean;
  /** The best roster of all of a solve's workers: published to and picked up from. */
  readonly shared?: SharedIncumbent;
}

const EPS = 1e-6;

/**
 * The engine itself, on the calling thread: greedy start, late-acceptance local search for a
 * share of the budget, then the MIP (HiGHS) seeded with that incumbent for the rest. The MIP
 * either proves optimality or returns its incumbent; whichever roster is best is returned.
 * It blocks the thread while HiGHS runs: servers should call {@link solve} (worker thread).
 */
export async function solveInProcess(
  problem: RosterProblem,
  options: SolveOptions = {},
  control: SolveControl = {},
): Promise<SolveResult> {
  const started = performance.now();
  const elapsed = (): number => (performance.now() - started) / 1000;
  const timeLimit = options.timeLimitSeconds ?? 60;
  const deadline = started + timeLimit * 1000;
  const externalStop = control.shouldStop ?? (() => false);
  const c = compile(problem);

  let best:
    | { assign: Assign; objective: number; hard: number; foundBy: SolveResult['foundBy'] }
    | undefined;
  const offer = (assign: Assign, foundBy: SolveResult['foundBy']): void => {
    const ev = evaluateAssign(c, assign);
    const better =
      best === undefined ||
      ev.hardViolation < best.hard - EPS ||
      (Math.abs(ev.hardViolation - best.hard) <= EPS && ev.objective < best.objective - EPS);
    if (!better) return;
    best = {
      assign: Int16Array.from(assign),
      objective: ev.objective,
      hard: ev.hardViolation,
      foundBy,
    };
    if (ev.feasible) control.shared?.offer(best.assign, ev.objective);
    control.onProgress?.(
      { objective: ev.objective, feasible: ev.feasible, seconds: elapsed(), foundBy },
      toRoster(c, assign),
    );
  };

  // A better roster another worker published (searches move to it between steps).
  const adopt = (): void => {
    const outside = control.shared?.better(
      best !== undefined && best.hard <= EPS ? best.objective : Infinity,
    );
    if (outside !== undefined) offer(outside.assign, best?.foundBy ?? 'local-search');
  };

  const seed = options.seed ?? 1;
  const search = new LocalSearch(c, seed);
  offer(search.assign, 'greedy');
  const rows = (options.rowSearch ?? true) && rowSearchApplicable(c);
  // MIP neighbourhoods: where every hard rule belongs to one employee (the benchmark's kind of
  // model), after the row search, in both workers; each sub-problem is small whatever the
  // model's size.
  const lns = rows && (options.useMip ?? true) && lnsFits(c);
  // Column generation (price and dive) in the first worker: over whole rows where they are cheap
  // to price, over windows on longer horizons; the row search then only builds its start. Models
  // whose window is too wide to price in time keep the row search and the neighbourhoods.
  const columnGeneration = lns && !control.helper && cgFits(c);
  // Windows much shorter than the horizon: the first worker's windows and pairs of stretches
  // are what improves such a model, and on a 2-core machine the helper's neighbourhoods cost them
  // more than they find (measured on the 26-week benchmark model): the helper stands aside.
  if (control.helper && lns && cgFits(c) && 2 * cgWindow(c) < c.H) {
    return finish(c, best, elapsed(), { infeasible: false });
  }
  const lsShareAsked = Math.min(
    options.localSearchShare ?? 0.3,
    columnGeneration ? CG_ROW_SEARCH_SHARE : 1,
  );
  // A model too big to build and solve in the MIP's share of the budget is not tried: the
  // searches keep the whole budget instead.
  const useMip =
    lns ||
    ((options.useMip ?? true) &&
      !control.helper &&
      mipFits(c, timeLimit * (1 - Math.min(lsShareAsked, 0.9))));
  const lsShare = useMip ? lsShareAsked : 1;
  const lsDeadline = started + timeLimit * 1000 * lsShare;
  const lsStop = (): boolean => externalStop() || performance.now() >= lsDeadline;
  // With a MIP to follow, a stalled search hands over early (small instances are the MIP's).
  const stagnationLimit = useMip ? Math.max(100_000, 20 * c.E * c.H * (c.T + 1)) : undefined;
  if (rows) {
    const current = (): Assign | undefined => {
      adopt();
      return best === undefined ? undefined : best.assign;
    };
    alternate(
      c,
      search.assign,
      seed,
      options.maxIterations,
      lsDeadline,
      lsStop,
      stagnationLimit,
      offer,
      current,
    );
    // The neighbourhoods start from a feasible roster only: until there is one (a construction
    // cut short by the share, a stalled round), the row search goes on, restarted with new seeds.
    const feasibleYet = (): boolean => best !== undefined && best.hard <= EPS;
    for (
      let restart = 1;
      lns && !feasibleYet() && !externalStop() && performance.now() < deadline;
      restart++
    ) {
      alternate(
        c,
        search.assign,
        seed + 101 * restart,
        undefined,
        deadline,
        () => externalStop() || performance.now() >= deadline || feasibleYet(),
        undefined,
        offer,
        current,
      );
    }
  } else {
    const ls = search.run({
      seed,
      maxIterations: options.maxIterations,
      stagnationLimit,
      shouldStop: lsStop,
      onFeasibleImprovement: throttled((a) => offer(a, 'local-search')),
    });
    offer(ls.assign, 'local-search');
  }

  // The full MIP until `until`, started from the best feasible roster; its rosters are offered.
  const fullMip = (highs: Highs, until: number): MipRunResult => {
    const mip = runMip(highs, c, {
      deadline: until,
      start: best !== undefined && best.hard <= EPS ? best.assign : undefined,
      shouldStop: () => externalStop() || performance.now() >= until,
      onIncumbent: (a) => offer(a, 'mip'),
    });
    if (mip.assign) offer(mip.assign, 'mip');
    return mip;
  };

  let optimal = false;
  let lowerBound: number | undefined;
  if (useMip && !externalStop()) {
    const remaining = (deadline - performance.now()) / 1000;
    if (lns && remaining > 0.05) {
      const highs = await loadHighs();
      if (columnGeneration && best !== undefined && best.hard <= EPS) {
        const width = cgWindow(c);
        const cgDeadline = started + (width >= c.H ? CG_SHARE : CG_WINDOW_SHARE) * timeLimit * 1000;
        if (width >= c.H) {
          const cg = runColumnGeneration(highs, c, best.assign, {
            deadline: cgDeadline,
            shouldStop: externalStop,
            integral: isIntegral(c),
            seed,
            onImprovement: (a) => offer(a, 'mip'),
          });
          offer(cg.assign, 'mip');
          lowerBound = cg.lowerBound;
          optimal = provenBy(c, best, lowerBound);
        } else {
          // Windows (long horizons, or rows too wide to price whole): a pass of windows in turn,
          // each with an equal share of what is left of the pass; then pairs of distant
          // stretches (work traded across the horizon, which no window can do once the rest of
          // each row is fixed), a pass of windows shifted by half a window whenever no pair is
          // left to try. The pairs alternate in size from pass to pass: single weeks first (each
          // re-decided in a few tens of milliseconds, so every pair is tried early), half-windows
          // next (each trades more, at many times the cost).
          const windows = Math.ceil(c.H / width);
          const stretch = Math.max(WEEK, Math.floor(width / (2 * WEEK)) * WEEK);
          const tried = new Set<string>();
          const integral = isIntegral(c);
          let pass = 0;
          let at = 0;
          for (let step = 0; !externalStop() && performance.now() < cgDeadline - 100; step++) {
            adopt();
            if (best === undefined) break;
            const pair =
              pass > 0
                ? pickPair(c, best.assign, pass % 2 === 1 ? WEEK : stretch, tried)
                : undefined;
            let window: ColumnGenerationSpan;
            let share: number;
            if (pair === undefined) {
              const from = Math.max(
                0,
                Math.min(at * width + (pass % 2) * Math.floor(width / 2), c.H - width),
              );
              window = { from, to: from + width };
              share = (cgDeadline - performance.now()) / (windows - at);
              if (++at === windows) {
                at = 0;
                pass++;
                tried.clear();
              }
            } else {
              window = { free: pair };
              share = (cgDeadline - performance.now()) * CG_PAIR_SHARE;
            }
            const cg = runColumnGeneration(highs, c, best.assign, {
              deadline: performance.now() + share,
              shouldStop: externalStop,
              seed: seed + step,
              integral,
              ...window,
              maxDives: CG_WINDOW_DIVES,
              onImprovement: (a) => offer(a, 'mip'),
            });
            offer(cg.assign, 'mip');
          }
        }
      }
      // The first worker gives the full model a share of what is left when it fits (small models
      // are proven optimal there), then both run the neighbourhoods from the best roster.
      const fullShare = LNS_FULL_MIP_SHARE * ((deadline - performance.now()) / 1000);
      if (!optimal && !control.helper && cellCount(c) <= LNS_FULL_MIP_CELLS) {
        const mip = fullMip(highs, performance.now() + fullShare * 1000);
        if (mip.lowerBound !== undefined)
          lowerBound = Math.max(lowerBound ?? mip.lowerBound, mip.lowerBound);
        if (mip.infeasible) return finish(c, best, elapsed(), { infeasible: true });
        optimal = mip.optimal;
      }
      adopt();
      if (!optimal && !externalStop() && best !== undefined && best.hard <= EPS) {
        const result = runLns(highs, c, best.assign, {
          deadline: deadline - LNS_MARGIN_MS,
          shouldStop: externalStop,
          seed: seed + 17,
          flavour: control.helper ? 'employees' : 'days',
          onImprovement: (a) => offer(a, 'mip'),
          better: (objective) => control.shared?.better(objective)?.assign,
        });
        offer(result.assign, 'mip');
      }
    } else if (remaining > 0.05) {
      const highs = await loadHighs();
      // HiGHS does not poll its limits everywhere (a long LP solve, a heuristic): it is given a
      // margin, which the local search below uses when HiGHS stops on time.
      const mip = fullMip(
        highs,
        deadline - Math.min(MIP_MARGIN_MS, MIP_MARGIN_SHARE * remaining * 1000),
      );
      lowerBound = mip.lowerBound;
      if (mip.infeasible) return finish(c, best, elapsed(), { infeasible: true });
      optimal = mip.optimal;
      // HiGHS may stop early (e.g. out of memory) with time left: keep searching locally.
      if (!optimal && !externalStop() && performance.now() < deadline - 500 && best !== undefined) {
        const again = new LocalSearch(c, (options.seed ?? 1) + 1, best.assign).run({
          seed: (options.seed ?? 1) + 1,
          shouldStop: () => externalStop() || performance.now() >= deadline,
        });
        offer(again.assign, 'local-search');
      }
    }
  }
  const result = finish(c, best, elapsed(), { infeasible: false });
  const proven = optimal || provenBy(c, best, lowerBound);
  return { ...result, optimal: proven, status: proven ? 'optimal' : result.status, lowerBound };
}

/**
 * Share of what is left that a small model's full MIP gets before the neighbourhoods (where it
 * often proves the optimum), and the largest such model in cells.
 */
const LNS_FULL_MIP_SHARE = 0.35;
const LNS_FULL_MIP_CELLS = 1000;
/**
 * Longest horizon on which the first worker runs column generation (pricing whole rows), the
 * share of the budget by which it ends (the neighbourhoods have the rest), and the row search's
 * share before it (its start only needs to be feasible).
 */
const CG_MAX_PERIODS = 63;
/**
 * Windows: the window re-decided at a time is sized by its cells (below, see {@link cgWindow}),
 * the share of the budget by which the windows end, and the dives each window gets (more passes,
 * not more dives, pay there).
 */
const CG_WINDOW_CELLS = 4000;
const CG_MAX_CELLS = 10_000;
const CG_MIN_WINDOW = 28;
const CG_WINDOW_SHARE = 0.9;
const CG_WINDOW_DIVES = 2;
/** A pair of stretches gets at most this share of what is left of the windows' time. */
const CG_PAIR_SHARE = 0.25;
/**
 * A week of periods: windows and stretches are whole weeks, the first pass of pairs frees single
 * weeks, and no window or stretch is shorter.
 */
const WEEK = 7;
const CG_SHARE = 0.7;
const CG_ROW_SEARCH_SHARE = 0.05;
/** Time kept back from the neighbourhoods' last sub-problem before the deadline. */
const LNS_MARGIN_MS = 300;
/** Cells (employee × period × shift type) of the largest model the neighbourhoods build. */
const LNS_MAX_CELLS = 400_000;

/**
 * Window of the column generation: the whole horizon up to {@link CG_MAX_PERIODS} periods when
 * employees × shift types × periods stay within {@link CG_MAX_CELLS}, the most whole weeks that
 * do otherwise (its LP would converge late and its dives rarely end in a minute: 60 people, 10
 * shift types, 4 weeks get two-week windows); on longer horizons, whole weeks, as many as keep
 * the cells within {@link CG_WINDOW_CELLS} (longer windows trade more across weeks but are slower
 * to price), at least four.
 */
function cgWindow(c: Compiled): number {
  if (c.H <= CG_MAX_PERIODS) {
    if (c.E * c.T * c.H <= CG_MAX_CELLS) return c.H;
    return Math.max(WEEK, Math.floor(CG_MAX_CELLS / (c.E * c.T * WEEK)) * WEEK);
  }
  const weeks = Math.floor(CG_WINDOW_CELLS / (c.E * c.T * WEEK));
  return Math.min(c.H, Math.max(CG_MIN_WINDOW, Math.min(CG_MAX_PERIODS, weeks * WEEK)));
}

/**
 * The next pair of stretches (whole weeks, `stretch` periods each, not adjacent) to re-decide
 * together, the rest of the horizon fixed: the one that most needs work moved (cost of one
 * stretch — uncovered demand, refused requests — plus the surplus cover of the other, which can
 * give work to it), as the periods it frees (1 = free). Pairs in `tried` are skipped, and the pair
 * returned is added to it; undefined when every pair has been tried.
 */
function pickPair(
  c: Compiled,
  assign: Assign,
  stretch: number,
  tried: Set<string>,
): Uint8Array | undefined {
  const { E, H, T } = c;
  const count = new Int32Array(H * T);
  const need = new Float64Array(Math.ceil(H / stretch));
  const spare = new Float64Array(need.length);
  for (let e = 0; e < E; e++)
    for (let d = 0; d < H; d++) {
      const v = assign[e * H + d] ?? -1;
      if (v >= 0) count[d * T + v] = (count[d * T + v] ?? 0) + 1;
      const s = Math.floor(d / stretch);
      need[s] = (need[s] ?? 0) + (c.cellCost[(e * H + d) * (T + 1) + (v < 0 ? T : v)] ?? 0);
    }
  for (let k = 0; k < H * T; k++) {
    if (!c.hasCover[k]) continue;
    const s = Math.floor(Math.floor(k / T) / stretch);
    const gap = (c.coverReq[k] ?? 0) - (count[k] ?? 0);
    if (gap > 0) need[s] = (need[s] ?? 0) + gap * (c.coverUnder[k] ?? 0);
    else spare[s] = (spare[s] ?? 0) - gap * (c.coverOver[k] ?? 0);
  }
  let pick: { a: number; b: number; value: number } | undefined;
  for (let a = 0; a < need.length; a++)
    for (let b = a + 2; b < need.length; b++) {
      if (tried.has(`${a},${b}`)) continue;
      const value = Math.max((need[a] ?? 0) + (spare[b] ?? 0), (need[b] ?? 0) + (spare[a] ?? 0));
      if (pick === undefined || value > pick.value) pick = { a, b, value };
    }
  if (pick === undefined) return undefined;
  tried.add(`${pick.a},${pick.b}`);
  const free = new Uint8Array(H);
  free.fill(1, pick.a * stretch, (pick.a + 1) * stretch);
  free.fill(1, pick.b * stretch, Math.min(H, (pick.b + 1) * stretch));
  return free;
}

/**
 * Whether column generation pays in the budget: a pricing round solves every employee's row over
 * the window, so its work grows with employees × shift types × periods; beyond
 * {@link CG_MAX_CELLS} even for a single week (over 200 people on 7 shift types, say) the LP
 * converges late and the dives rarely end in a minute, where the neighbourhoods do better.
 */
function cgFits(c: Compiled): boolean {
  return c.E * c.T * cgWindow(c) <= CG_MAX_CELLS;
}

/** Whether the full model is small enough to be built once for the MIP neighbourhoods. */
function lnsFits(c: Compiled): boolean {
  return cellCount(c) <= LNS_MAX_CELLS;
}

/** Cells of the model: employee × period × allowed shift type. */
function cellCount(c: Compiled): number {
  let cells = 0;
  for (let i = 0; i < c.allowed.length; i++) cells += c.allowed[i] ?? 0;
  return cells;
}

/** Rounds of the alternation when the run is bounded by a move budget (reproducible runs). */
const BUDGET_ROUNDS = 4;
/** Rounds without a new best after which the alternation hands over to the MIP. */
const IDLE_ROUNDS = 3;

/**
 * Row search (exact re-solve of one employee's row against the others' cover) alternating with
 * the late-acceptance local search, with kicks when both stall: the start is built row by row,
 * feasible by construction when every row can be; each round polishes the best roster by rows,
 * hands it to the local search, then perturbs it. The first local-search round starts from the
 * greedy start instead (a basin independent of the row construction; at most a tenth of the
 * phase). With `maxIterations` the rounds and budgets
 * are fixed, so the result depends only on the seed.
 */
function alternate(
  c: Compiled,
  greedyStart: Assign,
  seed: number,
  maxIterations: number | undefined,
  phaseDeadline: number,
  shouldStop: () => boolean,
  stagnationLimit: number | undefined,
  offer: (a: Assign, foundBy: SolveResult['foundBy']) => void,
  current: () => Assign | undefined,
): void {
  const rows = new RowSearch(c, seed);
  rows.construct(greedyStart, shouldStop);
  offer(rows.a, 'local-search');
  const budgeted = maxIterations !== undefined;
  const lsChunk = budgeted ? Math.ceil(maxIterations / BUDGET_ROUNDS) : undefined;
  const rowMoves = budgeted ? 20 * c.E : undefined;
  const lsStagnation = Math.min(
    stagnationLimit ?? Infinity,
    Math.max(50_000, 5 * c.E * c.H * (c.T + 1)),
  );
  const phaseStart = performance.now();
  const firstRoundEnd = phaseStart + (phaseDeadline - phaseStart) / 10;
  // With a MIP to follow, rounds that stop improving hand over early.
  let bestSeen = Infinity;
  let idleRounds = 0;
  for (let round = 0; budgeted ? round < BUDGET_ROUNDS : !shouldStop(); round++) {
    const from = current();
    if (from !== undefined) {
      rows.load(from);
      const ev = evaluateAssign(c, from);
      const score = ev.feasible ? ev.objective : Infinity;
      if (score < bestSeen - EPS) {
        bestSeen = score;
        idleRounds = 0;
      } else if (++idleRounds >= IDLE_ROUNDS && !budgeted && stagnationLimit !== undefined) break;
    }
    if (round > 0) rows.kick();
    rows.improve({ shouldStop, maxMoves: rowMoves });
    offer(rows.a, 'local-search');
    if (shouldStop()) break;
    const ls = new LocalSearch(c, seed + round, round === 0 ? greedyStart : rows.a).run({
      seed: seed + round,
      maxIterations: lsChunk,
      stagnationLimit: lsStagnation,
      shouldStop:
        round === 0 ? () => shouldStop() || performance.now() >= firstRoundEnd : shouldStop,
      onFeasibleImprovement: throttled((a) => offer(a, 'local-search')),
    });
    offer(ls.assign, 'local-search');
  }
}

/**
 * Cells (employee × period × shift type) the MIP can afford per second of its budget: building
 * the model alone takes tens of microseconds a cell in WebAssembly on a loaded machine, and
 * HiGHS's presolve and root LP do not check the time limit often on big models.
 */
const MIP_CELLS_PER_SECOND = 1500;
/** Time kept back from HiGHS before the deadline: a share of its budget, at most 5 s. */
const MIP_MARGIN_SHARE = 0.15;
const MIP_MARGIN_MS = 5000;
/** Models up to this many cells always get the MIP (small models, short budgets). */
const MIP_ALWAYS_CELLS = 20_000;

/** Whether the MIP model is small enough to be built and searched in `seconds`. */
export function mipFits(c: Compiled, seconds: number): boolean {
  return cellCount(c) <= Math.max(MIP_ALWAYS_CELLS, MIP_CELLS_PER_SECOND * seconds);
}

/** Whether a feasible roster's objective meets the lower bound (rounded up on integer weights). */
function provenBy(
  c: Compiled,
  best: { objective: number; hard: number } | undefined,
  lowerBound: number | undefined,
): boolean {
  if (best === undefined || best.hard > EPS || lowerBound === undefined) return false;
  return meetsBound(best.objective, lowerBound, isIntegral(c));
}

/** With integer weights, any roster's objective is an integer, so a bound can be rounded up. */
function isIntegral(c: Compiled): boolean {
  const all = [c.cellCost, c.coverUnder, c.coverOver];
  return (
    all.every((arr) => arr.every((w) => Number.isInteger(w))) &&
    c.targets.every(
      (t) => t === undefined || [...t.tierWeights, t.over].every((w) => Number.isInteger(w)),
    ) &&
    c.spreads.every((s) => s === undefined || Number.isInteger(s.weight))
  );
}

function throttled(fn: (a: Assign) => void): (a: Assign) => void {
  let last = 0;
  return (a) => {
    const now = performance.now();
    if (now - last < 200) return;
    last = now;
    fn(a);
  };
}

function finish(
  c: Compiled,
  best:
    | { assign: Assign; objective: number; hard: number; foundBy: SolveResult['foundBy'] }
    | undefined,
  seconds: number,
  flags: { infeasible: boolean },
): SolveResult {
  if (best === undefined) throw new Error('no roster produced');
  const feasible = best.hard <= EPS;
  return {
    roster: toRoster(c, best.assign),
    objective: best.objective,
    feasible,
    optimal: false,
    status: flags.infeasible ? 'infeasible' : feasible ? 'feasible' : 'unknown',
    seconds,
    foundBy: best.foundBy,
  };
}
