import { AuthorizationType, MethodLoggingLevel, MockIntegration, RestApi, ValidationError } from '../../lib';
import { newStack, only, resolve, synth } from '../support/synth';

function api(stack = newStack(), cloudWatchRole?: boolean) {
  const a = new RestApi(stack, 'Api', { name: 'pets', cloudWatchRole });
  a.root.addMethod('GET', new MockIntegration(), { authorization: AuthorizationType.NONE });
  return { stack, api: a };
}

describe('RestApiProps.cloudWatchRole', () => {
  test('GIVEN the default THEN no role and no account setting', () => {
    const { stack, api: a } = api();
    a.deploy('prod', { loggingLevel: MethodLoggingLevel.INFO });
    const json = synth(stack);
    expect(json.resource!.aws_api_gateway_account).toBeUndefined();
    expect(json.resource!.aws_iam_role).toBeUndefined();
    expect(only(json, 'aws_api_gateway_stage').depends_on).toBeUndefined();
    expect(a.cloudWatchRole).toBeUndefined();
  });

  test('GIVEN cloudWatchRole WHEN synthesized THEN a role API Gateway assumes, the managed policy, and the account setting after the policy', () => {
    // GIVEN
    const { stack, api: a } = api(newStack(), true);
    // WHEN
    const json = synth(stack) as any;
    // THEN
    const role = only(json, 'aws_iam_role');
    expect(JSON.parse(role.assume_role_policy)).toEqual({
      Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    const attachment = only(json, 'aws_iam_role_policy_attachment');
    expect(attachment.policy_arn).toMatch(/^arn:\$\{data\.aws_partition\..*\.partition\}:iam::aws:policy\/service-role\/AmazonAPIGatewayPushToCloudWatchLogs$/);
    expect(attachment.role).toMatch(/^\$\{aws_iam_role\..*\.name\}$/);
    const account = only(json, 'aws_api_gateway_account');
    expect(account.cloudwatch_role_arn).toBe(resolve(stack, a.cloudWatchRole!.roleArn));
    expect(account.depends_on).toEqual([expect.stringMatching(/^aws_iam_role_policy_attachment\./)]);
  });

  test('GIVEN cloudWatchRole and a stage that logs THEN the stage follows the account setting; a stage that does not log does not', () => {
    const { stack, api: a } = api(newStack(), true);
    a.deploy('logged', { loggingLevel: MethodLoggingLevel.ERROR });
    a.deploy('accesslogged', { accessLogGroup: true });
    a.deploy('quiet');
    const stages = Object.values(synth(stack).resource!.aws_api_gateway_stage!) as any[];
    const byName = Object.fromEntries(stages.map((s) => [s.stage_name, s.depends_on]));
    expect(byName.logged).toEqual([expect.stringMatching(/^aws_api_gateway_account\./)]);
    expect(byName.accesslogged).toEqual([expect.stringMatching(/^aws_api_gateway_account\./)]);
    expect(byName.quiet).toBeUndefined();
  });

  test('GIVEN two APIs with cloudWatchRole in one stack THEN the second is refused: the setting is one per account and region', () => {
    const stack = newStack();
    new RestApi(stack, 'First', { name: 'a', cloudWatchRole: true });
    expect(() => new RestApi(stack, 'Second', { name: 'b', cloudWatchRole: true }))
      .toThrow(/stack\/Second: invalid cloudWatchRole true: the stack has the account's CloudWatch role setting already \(stack\/First\/CloudWatchRole\)/);
    new RestApi(stack, 'Third', { name: 'c' });
    expect(Object.keys(synth(stack).resource!.aws_api_gateway_account)).toHaveLength(1);
  });

  test('GIVEN cloudWatchRole that is not a boolean THEN a ValidationError', () => {
    expect(() => new RestApi(newStack(), 'Api', { name: 'pets', cloudWatchRole: 'yes' as unknown as boolean }))
      .toThrow(ValidationError);
    expect(() => new RestApi(newStack(), 'Api', { name: 'pets', cloudWatchRole: 'yes' as unknown as boolean }))
      .toThrow(/stack\/Api: invalid cloudWatchRole "yes": must be true or false/);
  });
});
