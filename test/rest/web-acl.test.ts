import { Testing } from 'cdktf';
import { AuthorizationType, MockIntegration, RestApi, ValidationError, WebAclAssociation } from '../../lib';
import { newStack, only, resolve, synth } from '../support/synth';

const ACL = 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/api-acl/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';

function fixture() {
  const stack = newStack();
  const api = new RestApi(stack, 'Api', { name: 'pets' });
  api.root.addMethod('GET', new MockIntegration(), { authorization: AuthorizationType.NONE });
  const stage = api.deploy('prod');
  return { stack, api, stage };
}

describe('stage.arn and stage.associateWebAcl', () => {
  test('GIVEN a stage THEN its arn is the stage resource\'s arn attribute', () => {
    const { stack, stage } = fixture();
    expect(resolve(stack, stage.arn)).toMatch(/^\$\{aws_api_gateway_stage\.Api_Stage_prod_[0-9A-F]+\.arn\}$/);
  });

  test('GIVEN a web ACL WHEN synthesized THEN an association referencing the stage ARN, without depends_on', () => {
    // GIVEN
    const { stack, stage } = fixture();
    // WHEN
    const association = stage.associateWebAcl(ACL);
    // THEN
    expect(only(synth(stack), 'aws_wafv2_web_acl_association')).toEqual({ resource_arn: resolve(stack, stage.arn), web_acl_arn: ACL });
    expect(WebAclAssociation.isWebAclAssociation(association)).toBe(true);
    expect(association.webAclArn).toBe(ACL);
  });

  test('GIVEN a GovCloud web ACL ARN THEN it is accepted', () => {
    const { stack, stage } = fixture();
    stage.associateWebAcl('arn:aws-us-gov:wafv2:us-gov-west-1:123456789012:regional/webacl/acl/abc-123');
    expect(only(synth(stack), 'aws_wafv2_web_acl_association').web_acl_arn).toContain('aws-us-gov');
  });

  test('GIVEN importFrom THEN an import block', () => {
    const { stack, stage } = fixture();
    stage.associateWebAcl(ACL).importFrom(`${ACL},arn:aws:apigateway:us-east-1::/restapis/abc/stages/prod`);
    expect((JSON.parse(Testing.synth(stack)) as any).import[0].id).toBe(`${ACL},arn:aws:apigateway:us-east-1::/restapis/abc/stages/prod`);
  });

  test.each([
    ['a WAF Classic ARN', 'arn:aws:waf-regional:us-east-1:123456789012:webacl/abc'],
    ['a CloudFront-scoped web ACL', 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/acl/abc'],
    ['a web ACL ARN without an ID', 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/acl'],
    ['a rule group ARN', 'arn:aws:wafv2:us-east-1:123456789012:regional/rulegroup/rules/abc'],
    ['a web ACL name', 'api-acl'],
  ])('GIVEN %s THEN a ValidationError', (_what, arn) => {
    const { stack, stage } = fixture();
    let error: unknown;
    try {
      stage.associateWebAcl(arn);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain(`stack/Api/Stage_prod/WebAcl: invalid webAclArn "${arn}": a regional AWS WAF (wafv2) web ACL ARN`);
    expect(synth(stack).resource!.aws_wafv2_web_acl_association).toBeUndefined();
  });

  test('GIVEN no web ACL ARN (undefined from an unset Python argument) THEN a ValidationError, not an association without web_acl_arn', () => {
    const { stack, stage } = fixture();
    expect(() => stage.associateWebAcl(undefined as unknown as string))
      .toThrow(/stack\/Api\/Stage_prod\/WebAcl: invalid webAclArn undefined: a regional AWS WAF \(wafv2\) web ACL ARN is required/);
    expect(synth(stack).resource!.aws_wafv2_web_acl_association).toBeUndefined();
  });

  test('GIVEN a second web ACL THEN a ValidationError', () => {
    const { stage } = fixture();
    stage.associateWebAcl(ACL);
    expect(() => stage.associateWebAcl(ACL)).toThrow(/invalid webAclArn ".*": stage stack\/Api\/Stage_prod has a web ACL already; a stage takes one/);
  });

  test('GIVEN a failed association THEN a corrected one can be made', () => {
    const { stack, stage } = fixture();
    expect(() => stage.associateWebAcl('nope')).toThrow(ValidationError);
    stage.associateWebAcl(ACL);
    expect(only(synth(stack), 'aws_wafv2_web_acl_association').web_acl_arn).toBe(ACL);
  });
});
