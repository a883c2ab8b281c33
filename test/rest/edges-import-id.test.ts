import * as fc from 'fast-check';
import { ImportId, ValidationError } from '../../lib';

const id = fc.stringMatching(/^[a-z0-9]{1,12}$/);
const domain = fc.stringMatching(/^[a-z0-9]{1,10}(\.[a-z0-9-]{1,10}){1,3}\.[a-z]{2,6}$/);
const basePath = fc.stringMatching(/^[A-Za-z0-9$_.+!*'()-]{1,12}$/);

describe('ImportId for usage plans, keys and domains', () => {
  test('GIVEN the provider documentation examples THEN the formats match', () => {
    expect(ImportId.usagePlan('myusageplanid')).toBe('myusageplanid');
    expect(ImportId.apiKey('8bklk8bl1k3sB38D9B3l0enyWT8c09B30lkq0blk')).toBe('8bklk8bl1k3sB38D9B3l0enyWT8c09B30lkq0blk');
    expect(ImportId.usagePlanKey('12345abcde', 'zzz')).toBe('12345abcde/zzz');
    expect(ImportId.domainName('dev.example.com')).toBe('dev.example.com');
    expect(ImportId.basePathMapping('example.com', 'base-path')).toBe('example.com/base-path');
    // The root mapping, as the provider writes it.
    expect(ImportId.basePathMapping('example.com', '')).toBe('example.com/');
    expect(ImportId.basePathMapping('example.com')).toBe('example.com/');
  });

  test('property: every format/parse pair round-trips', () => {
    fc.assert(fc.property(id, id, domain, basePath, (plan, key, host, path) => {
      expect(ImportId.parseUsagePlan(ImportId.usagePlan(plan))).toEqual({ usagePlanId: plan });
      expect(ImportId.parseApiKey(ImportId.apiKey(key))).toEqual({ apiKeyId: key });
      expect(ImportId.parseUsagePlanKey(ImportId.usagePlanKey(plan, key))).toEqual({ usagePlanId: plan, keyId: key });
      expect(ImportId.parseDomainName(ImportId.domainName(host))).toEqual({ domainName: host });
      expect(ImportId.parseBasePathMapping(ImportId.basePathMapping(host, path))).toEqual({ domainName: host, basePath: path });
      expect(ImportId.parseBasePathMapping(ImportId.basePathMapping(host))).toEqual({ domainName: host, basePath: '' });
    }), { numRuns: 200 });
  });

  test.each<[string, () => unknown, RegExp]>([
    ['a usage plan key ID with one segment', () => ImportId.parseUsagePlanKey('plan'), /ImportId.parseUsagePlanKey: invalid import ID "plan": .* expected 2 in the format USAGE-PLAN-ID\/KEY-ID/],
    ['a usage plan key ID with an empty key', () => ImportId.parseUsagePlanKey('plan/'), /KEY-ID is empty/],
    ['a usage plan ID with a slash', () => ImportId.parseUsagePlan('a/b'), /expected 1 in the format USAGE-PLAN-ID/],
    ['an API key ID with a space', () => ImportId.apiKey('a b'), /ImportId.apiKey: cannot build an import ID: API-KEY-ID "a b" contains a slash or white space/],
    ['a domain name that is not a host name', () => ImportId.parseDomainName('localhost'), /domain name "localhost" is not a host name/],
    ['a base path mapping without a slash', () => ImportId.parseBasePathMapping('example.com'), /expected 2 in the format DOMAIN-NAME\/BASE-PATH/],
    ['a base path with a refused character', () => ImportId.basePathMapping('example.com', 'v?1'), /base path "v\?1" has characters API Gateway refuses/],
    ['a base path mapping with three segments', () => ImportId.parseBasePathMapping('example.com/a/b'), /expected 2 in the format DOMAIN-NAME\/BASE-PATH/],
    ['a usage plan key from an empty plan ID', () => ImportId.usagePlanKey('', 'k'), /USAGE-PLAN-ID is empty/],
  ])('GIVEN %s THEN a ValidationError', (_what, act, message) => {
    expect(act).toThrow(ValidationError);
    expect(act).toThrow(message);
  });
});
