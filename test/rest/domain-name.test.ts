import { Testing } from 'cdktf';
import { AuthorizationType, DomainName, DomainNameProps, EndpointType, ImportId, MockIntegration, RestApi, SecurityPolicy, ValidationError } from '../../lib';
import { buildGraph } from '../support/graph';
import { newStack, only, resolve, resourcesOf, synth } from '../support/synth';

const REGIONAL_CERT = 'arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';
const EDGE_CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

function fixture() {
  const stack = newStack();
  const api = new RestApi(stack, 'Api', { name: 'pets' });
  api.root.addMethod('GET', new MockIntegration(), { authorization: AuthorizationType.NONE });
  const prod = api.deploy('prod');
  const beta = api.deploy('beta');
  return { stack, api, prod, beta };
}

const address = (c: any) => `${c.node.defaultChild.terraformResourceType}.${c.node.defaultChild.friendlyUniqueId}`;

describe('DomainName', () => {
  test('GIVEN the defaults WHEN synthesized THEN a REGIONAL domain with TLS 1.2 and the regional certificate', () => {
    // GIVEN
    const { stack } = fixture();
    // WHEN
    const domain = new DomainName(stack, 'Domain', { domainName: 'api.example.com', certificateArn: REGIONAL_CERT });
    // THEN
    expect(only(synth(stack), 'aws_api_gateway_domain_name')).toEqual({
      domain_name: 'api.example.com',
      endpoint_configuration: { types: ['REGIONAL'] },
      regional_certificate_arn: REGIONAL_CERT,
      security_policy: 'TLS_1_2',
    });
    expect(domain.endpointType).toBe(EndpointType.REGIONAL);
    expect(resolve(stack, domain.regionalDomainName)).toMatch(/^\$\{aws_api_gateway_domain_name\..*\.regional_domain_name\}$/);
    expect(resolve(stack, domain.regionalZoneId)).toMatch(/\.regional_zone_id\}$/);
    expect(resolve(stack, domain.cloudfrontDomainName)).toMatch(/\.cloudfront_domain_name\}$/);
    expect(resolve(stack, domain.cloudfrontZoneId)).toMatch(/\.cloudfront_zone_id\}$/);
    expect(resolve(stack, domain.edgeDomainName)).toBe(resolve(stack, domain.cloudfrontDomainName));
    expect(resolve(stack, domain.edgeZoneId)).toBe(resolve(stack, domain.cloudfrontZoneId));
  });

  test('GIVEN an EDGE domain THEN the certificate goes to certificate_arn', () => {
    const { stack } = fixture();
    new DomainName(stack, 'Domain', { domainName: 'api.example.com', certificateArn: EDGE_CERT, endpointType: EndpointType.EDGE, securityPolicy: SecurityPolicy.TLS_1_0 });
    new DomainName(stack, 'Other', { domainName: 'other.example.com', edgeCertificateArn: EDGE_CERT, endpointType: EndpointType.EDGE });
    const domains = Object.values(resourcesOf(synth(stack), 'aws_api_gateway_domain_name'));
    expect(domains).toEqual([
      { domain_name: 'api.example.com', endpoint_configuration: { types: ['EDGE'] }, certificate_arn: EDGE_CERT, security_policy: 'TLS_1_0' },
      { domain_name: 'other.example.com', endpoint_configuration: { types: ['EDGE'] }, certificate_arn: EDGE_CERT, security_policy: 'TLS_1_2' },
    ]);
  });

  test('GIVEN mTLS and regionalCertificateArn THEN mutual_tls_authentication is set', () => {
    const { stack } = fixture();
    new DomainName(stack, 'Domain', {
      domainName: '*.example.com', regionalCertificateArn: REGIONAL_CERT, mtls: { truststoreUri: 's3://bucket/truststore.pem', truststoreVersion: 'v2' },
    });
    expect(only(synth(stack), 'aws_api_gateway_domain_name')).toMatchObject({
      domain_name: '*.example.com',
      regional_certificate_arn: REGIONAL_CERT,
      mutual_tls_authentication: { truststore_uri: 's3://bucket/truststore.pem', truststore_version: 'v2' },
    });
  });

  test('GIVEN two base path mappings WHEN synthesized THEN each references the domain and its stage, without depends_on', () => {
    // GIVEN
    const { stack, api, prod, beta } = fixture();
    const domain = new DomainName(stack, 'Domain', { domainName: 'api.example.com', certificateArn: REGIONAL_CERT });
    // WHEN
    const v1 = domain.addBasePathMapping(prod, { basePath: 'v1' });
    const v2 = domain.addBasePathMapping(beta, { basePath: 'v2-beta' });
    // THEN
    const json = synth(stack);
    expect(resourcesOf(json, 'aws_api_gateway_base_path_mapping')[(v1.node.defaultChild as any).friendlyUniqueId]).toEqual({
      domain_name: resolve(stack, domain.domainName),
      api_id: resolve(stack, api.restApiId),
      stage_name: resolve(stack, (prod.node.defaultChild as any).stageName),
      base_path: 'v1',
    });
    const graph = buildGraph(json);
    expect([...graph.get(address(v2))!.dependsOn].sort()).toEqual([address(api), address(beta), address(domain)].sort());
    expect(domain.basePathMappings.map((m) => m.basePath)).toEqual(['v1', 'v2-beta']);
    expect(Object.values(resourcesOf(json, 'aws_api_gateway_base_path_mapping')).every((m) => m.depends_on === undefined)).toBe(true);
  });

  test('GIVEN a root mapping THEN base_path is left out', () => {
    const { stack, prod } = fixture();
    const domain = new DomainName(stack, 'Domain', { domainName: 'api.example.com', certificateArn: REGIONAL_CERT });
    const root = domain.addBasePathMapping(prod);
    expect(only(synth(stack), 'aws_api_gateway_base_path_mapping').base_path).toBeUndefined();
    expect(root.basePath).toBe('');
  });

  test('GIVEN importFrom THEN import blocks in the provider formats', () => {
    const { stack, prod, beta } = fixture();
    const domain = new DomainName(stack, 'Domain', { domainName: 'api.example.com', certificateArn: REGIONAL_CERT });
    domain.importFrom(ImportId.domainName('api.example.com'));
    domain.addBasePathMapping(prod, { basePath: 'v1' }).importFrom(ImportId.basePathMapping('api.example.com', 'v1'));
    const other = new DomainName(stack, 'Other', { domainName: 'www.example.com', certificateArn: REGIONAL_CERT });
    other.addBasePathMapping(beta).importFrom(ImportId.basePathMapping('www.example.com', ''));
    const ids = ((JSON.parse(Testing.synth(stack)) as any).import as Array<{ id: string }>).map((i) => i.id).sort();
    expect(ids).toEqual(['api.example.com', 'api.example.com/v1', 'www.example.com/']);
  });

  describe('bad input', () => {
    test.each<[string, Partial<DomainNameProps>, RegExp]>([
      ['a domain name with a space', { domainName: 'api example.com' }, /invalid domainName "api example.com": not a valid host name/],
      ['a domain name with one label', { domainName: 'localhost' }, /invalid domainName "localhost": not a valid host name: a host name has at least two labels/],
      ['a label starting with a hyphen', { domainName: '-api.example.com' }, /label "-api" is not 1 to 63 letters/],
      ['a label of 64 characters', { domainName: `${'a'.repeat(64)}.example.com` }, /is not 1 to 63 letters/],
      ['an IP address', { domainName: '10.0.0.1' }, /an IP address is not a domain name/],
      ['a URL', { domainName: 'https://api.example.com' }, /invalid domainName "https:\/\/api.example.com"/],
      ['an empty domain name', { domainName: '' }, /invalid domainName "": a domain name is required/],
      ['an EDGE domain with a regional certificate field', { endpointType: EndpointType.EDGE, certificateArn: undefined, regionalCertificateArn: EDGE_CERT },
        /invalid regionalCertificateArn ".*": an EDGE domain takes its certificate from us-east-1 in certificateArn or edgeCertificateArn/],
      ['a REGIONAL domain with an edge certificate field', { certificateArn: undefined, edgeCertificateArn: EDGE_CERT },
        /invalid edgeCertificateArn ".*": a REGIONAL domain takes a certificate of its region/],
      ['an EDGE domain with a certificate from another region', { endpointType: EndpointType.EDGE, certificateArn: REGIONAL_CERT },
        /invalid certificateArn ".*": an EDGE domain takes a certificate from us-east-1, where CloudFront reads it, not from eu-west-1/],
      ['a certificate given twice', { regionalCertificateArn: REGIONAL_CERT }, /invalid regionalCertificateArn ".*": give the certificate once/],
      ['no certificate', { certificateArn: undefined }, /invalid certificateArn undefined: a custom domain needs an ACM certificate ARN/],
      ['a certificate that is not an ACM ARN', { certificateArn: 'arn:aws:iam::123456789012:server-certificate/x' }, /invalid certificateArn ".*": an ACM certificate ARN/],
      ['a PRIVATE endpoint', { endpointType: EndpointType.PRIVATE }, /invalid endpointType "PRIVATE": allowed values are REGIONAL, EDGE/],
      ['an unknown security policy', { securityPolicy: 'TLS_1_3' as SecurityPolicy }, /invalid securityPolicy "TLS_1_3": allowed values are TLS_1_0, TLS_1_2/],
      ['mTLS on an EDGE domain', { endpointType: EndpointType.EDGE, certificateArn: EDGE_CERT, mtls: { truststoreUri: 's3://bucket/t.pem' } },
        /invalid mtls .*: API Gateway offers mutual TLS on REGIONAL domains only, not on EDGE/],
      ['mTLS with TLS 1.0', { securityPolicy: SecurityPolicy.TLS_1_0, mtls: { truststoreUri: 's3://bucket/t.pem' } }, /invalid securityPolicy "TLS_1_0": mutual TLS needs SecurityPolicy.TLS_1_2/],
      ['a truststore that is not in S3', { mtls: { truststoreUri: 'https://example.com/t.pem' } }, /invalid mtls.truststoreUri "https:\/\/example.com\/t.pem": the truststore is an S3 object/],
    ])('GIVEN %s THEN a ValidationError', (_what, overrides, message) => {
      const { stack } = fixture();
      const props = { domainName: 'api.example.com', certificateArn: REGIONAL_CERT, ...overrides } as DomainNameProps;
      let error: unknown;
      try {
        new DomainName(stack, 'Domain', props);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as Error).message).toMatch(/^stack\/Domain: /);
      expect((error as Error).message).toMatch(message);
      expect(stack.node.tryFindChild('Domain')).toBeUndefined();
    });

    test.each([
      ['a slash', 'v1/orders'],
      ['a space', 'v 1'],
      ['a question mark', 'v1?'],
      ['a percent sign', 'v%31'],
    ])('GIVEN a base path with %s THEN a ValidationError', (_what, basePath) => {
      const { stack, prod } = fixture();
      const domain = new DomainName(stack, 'Domain', { domainName: 'api.example.com', certificateArn: REGIONAL_CERT });
      expect(() => domain.addBasePathMapping(prod, { basePath })).toThrow(ValidationError);
      expect(() => domain.addBasePathMapping(prod, { basePath })).toThrow(/invalid basePath .*: a base path is one path segment of letters, digits and \$-_.\+!\*'\(\)/);
      expect(domain.basePathMappings).toEqual([]);
    });

    test('GIVEN the characters API Gateway takes THEN the base path is accepted', () => {
      const { stack, prod } = fixture();
      const domain = new DomainName(stack, 'Domain', { domainName: 'api.example.com', certificateArn: REGIONAL_CERT });
      domain.addBasePathMapping(prod, { basePath: "A-z_0.9$+!*'()" });
      expect(only(synth(stack), 'aws_api_gateway_base_path_mapping').base_path).toBe("A-z_0.9$+!*'()");
    });

    test('GIVEN a base path used twice on a domain THEN a ValidationError, and the first mapping stays', () => {
      const { stack, prod, beta } = fixture();
      const domain = new DomainName(stack, 'Domain', { domainName: 'api.example.com', certificateArn: REGIONAL_CERT });
      domain.addBasePathMapping(prod, { basePath: 'v1' });
      expect(() => domain.addBasePathMapping(beta, { basePath: 'v1' }))
        .toThrow(/stack\/Domain\/Map_v1: invalid basePath "v1": stack\/Domain maps this base path already/);
      expect(domain.basePathMappings).toHaveLength(1);
    });

    test('GIVEN a root mapping beside another THEN a ValidationError either way round', () => {
      const { stack, prod, beta } = fixture();
      const domain = new DomainName(stack, 'Domain', { domainName: 'api.example.com', certificateArn: REGIONAL_CERT });
      domain.addBasePathMapping(prod);
      expect(() => domain.addBasePathMapping(beta, { basePath: 'v2' })).toThrow(/API Gateway allows no other base path mapping on a domain mapped at its root/);
      expect(() => domain.addBasePathMapping(beta, { basePath: '' })).toThrow(/maps this base path already/);
      const other = new DomainName(stack, 'Other', { domainName: 'www.example.com', certificateArn: REGIONAL_CERT });
      other.addBasePathMapping(prod, { basePath: 'v1' });
      expect(() => other.addBasePathMapping(beta)).toThrow(/invalid basePath "": .*no other base path mapping/);
    });

    test('GIVEN something that is not a stage THEN a ValidationError', () => {
      const { stack } = fixture();
      const domain = new DomainName(stack, 'Domain', { domainName: 'api.example.com', certificateArn: REGIONAL_CERT });
      expect(() => domain.addBasePathMapping('prod' as any, { basePath: 'v1' })).toThrow(/invalid stage "prod": a Stage/);
      expect(domain.basePathMappings).toEqual([]);
    });
  });
});
