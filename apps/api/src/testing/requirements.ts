/**
 * `describe` when what a spec needs is here. Elsewhere the spec is skipped with a warning on a
 * developer's machine, but fails on CI (`CI=true`): there a missing server or binary is a broken
 * set-up, and a suite that vanished would leave CI green.
 */
export function describeIf(isMet: boolean, need: string): (name: string, body: () => void) => void {
  if (isMet) return describe;
  if (process.env['CI'] === 'true') {
    return (name) =>
      describe(name, () => {
        it(`has ${need}`, () => {
          throw new Error(`${name}: needs ${need}; CI never skips a spec`);
        });
      });
  }
  return (name, body) => {
    console.warn(`${name}: skipped, needs ${need}`);
    describe.skip(name, body);
  };
}
