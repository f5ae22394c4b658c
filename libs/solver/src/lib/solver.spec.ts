import { solver } from './solver';

describe('solver', () => {
  it('should work', () => {
    expect(solver()).toEqual('solver');
  });
});
