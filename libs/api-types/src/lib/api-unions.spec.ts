import { isActivityCode } from './activity-code';
import { isContractType } from './contract-type';
import { isLocationKind } from './location-kind';

describe('API unions', () => {
  it.each([
    ['CDD', true],
    ['CDDI', true],
    ['CDD_USAGE', false],
    [42, false],
  ])('isContractType(%p) = %p', (value, expected) => {
    expect(isContractType(value)).toBe(expected);
  });

  it.each([
    ['accueil', true],
    ['outreach', true],
    ['aidants_connect', false],
  ])('isActivityCode(%p) = %p', (value, expected) => {
    expect(isActivityCode(value)).toBe(expected);
  });

  it.each([
    ['partner_permanence', true],
    ['office', false],
  ])('isLocationKind(%p) = %p', (value, expected) => {
    expect(isLocationKind(value)).toBe(expected);
  });
});
