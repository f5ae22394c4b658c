import { jsonShapeProblem, TOO_DEEP, TOO_MANY_ITEMS } from './request-body';

describe('jsonShapeProblem', () => {
  it.each([
    ['{}', 1, null],
    ['{}', 0, TOO_DEEP],
    ['{"a":[1,{"b":2}]}', 3, null],
    ['{"a":[1,{"b":2}]}', 2, TOO_DEEP],
    ['[[],[],[]]', 2, null],
    ['"[[[[[["', 1, null],
    ['{"a":"\\"[[[["}', 1, null],
    ['{"a":"\\\\"}', 1, null],
    ['{"a":"\\\\",[[]]}', 2, TOO_DEEP],
    ['1', 0, null],
  ])('%s, %i levels at most: %s', (text, maxDepth, expected) => {
    expect(jsonShapeProblem(text, maxDepth)).toBe(expected);
  });

  it('stops at the first bracket past the depth limit', () => {
    expect(jsonShapeProblem('['.repeat(5000))).toBe(TOO_DEEP);
  });

  it.each([
    [`[${'1,'.repeat(999)}1]`, null],
    [`[${'1,'.repeat(1000)}1]`, TOO_MANY_ITEMS],
    [`{"a":[${'[],'.repeat(600)}[]],"b":[${'{},'.repeat(600)}{}]}`, TOO_MANY_ITEMS],
    [`{"note":"${','.repeat(5000)}"}`, null],
  ])(
    'counts the values of arrays and objects, not the commas of strings (%#)',
    (text, expected) => {
      expect(jsonShapeProblem(text)).toBe(expected);
    },
  );
});
