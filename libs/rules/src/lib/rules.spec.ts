import { rules } from './rules';

describe('rules', () => {
  it('should work', () => {
    expect(rules()).toEqual('rules');
  });
});
