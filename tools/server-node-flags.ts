/**
 * The Node flags the production server runs with, as `npm start` starts it (package.json repeats
 * them): the benchmarks start the server the same way.
 *
 * `--max-semi-space-size=4` caps V8's young generation at 4 MB per semi-space. Under load V8
 * otherwise grows it to 16–32 MB and the server's peak resident memory with it (measured in
 * `npm run bench:api`: see the README, "At national scale"), for no gain in latency.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];
