import { severityRank } from './violation';

describe('severityRank', () => {
  it('ranks block before warn before info', () => {
    const sorted = (['info', 'block', 'warn'] as const)
      .slice()
      .sort((a, b) => severityRank(a) - severityRank(b));
    expect(sorted).toEqual(['block', 'warn', 'info']);
  });
});
