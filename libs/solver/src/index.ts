export {
  curtoisToProblem,
  parseCurtois,
  type CurtoisInstance,
  type CurtoisRequest,
} from './lib/curtois/parser';
export { scoreCurtois, type CurtoisScore } from './lib/curtois/scorer';
export { solveInProcess, type SolveControl } from './lib/engine';
export { evaluateRoster } from './lib/evaluate';
export * from './lib/model';
export {
  closeSolverPool,
  configureSolverPool,
  idleSolverWorkers,
  solve,
  warmSolverPool,
  type AsyncSolveOptions,
} from './lib/solve';
