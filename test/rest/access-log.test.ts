import { AccessLogFormat, AuthorizationType, MockIntegration, RestApi, StageOptions, ValidationError } from '../../lib';
import { newStack, only, resolve, synth } from '../support/synth';

function fixture() {
  const stack = newStack();
  const api = new RestApi(stack, 'Api', { name: 'pets' });
  api.root.addMethod('GET', new MockIntegration(), { authorization: AuthorizationType.NONE });
  return { stack, api };
}

describe('AccessLogFormat', () => {
  test('GIVEN jsonWithStandardFields THEN a JSON object of $context variables with the request ID', () => {
    const format = AccessLogFormat.jsonWithStandardFields();
    const parsed = JSON.parse(format.format);
    expect(parsed).toEqual({
      requestId: '$context.requestId', ip: '$context.identity.sourceIp', caller: '$context.identity.caller', user: '$context.identity.user',
      requestTime: '$context.requestTime', httpMethod: '$context.httpMethod', resourcePath: '$context.resourcePath', status: '$context.status',
      protocol: '$context.protocol', responseLength: '$context.responseLength',
    });
    expect(format.toString()).toBe(format.format);
  });

  test('GIVEN clf THEN the Common Log Format with the request ID', () => {
    expect(AccessLogFormat.clf().toString()).toBe('$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] ' +
      '"$context.httpMethod $context.resourcePath $context.protocol" $context.status $context.responseLength $context.requestId');
  });

  test('GIVEN custom THEN the format as given', () => {
    expect(AccessLogFormat.custom('$context.requestId $context.error.message').format).toBe('$context.requestId $context.error.message');
  });

  test.each([
    ['an empty format', '', /AccessLogFormat.custom: invalid format "": an access log format is required/],
    ['a format with a newline', '$context.requestId\n$context.status', /AccessLogFormat.custom: invalid format .*: an access log format is one line/],
  ])('GIVEN custom with %s THEN a ValidationError', (_what, format, message) => {
    expect(() => AccessLogFormat.custom(format)).toThrow(ValidationError);
    expect(() => AccessLogFormat.custom(format)).toThrow(message);
  });
});

describe('Stage access logs', () => {
  test('GIVEN accessLogGroup WHEN synthesized THEN a log group with the retention, the stage logs to it in the JSON standard format', () => {
    // GIVEN
    const { stack, api } = fixture();
    // WHEN
    const stage = api.deploy('prod', { accessLogGroup: true, accessLogRetention: 14 });
    // THEN
    const json = synth(stack);
    expect(only(json, 'aws_cloudwatch_log_group')).toEqual({ retention_in_days: 14 });
    expect(only(json, 'aws_api_gateway_stage').access_log_settings).toEqual({
      destination_arn: resolve(stack, stage.logGroup!.arn),
      format: AccessLogFormat.jsonWithStandardFields().format,
    });
    expect(resolve(stack, stage.logGroup!.arn)).toMatch(/^\$\{aws_cloudwatch_log_group\..*\.arn\}$/);
  });

  test('GIVEN accessLogGroup with a format THEN the stage uses the format', () => {
    const { stack, api } = fixture();
    api.deploy('prod', { accessLogGroup: true, accessLogFormat: AccessLogFormat.clf() });
    const json = synth(stack);
    expect(only(json, 'aws_api_gateway_stage').access_log_settings.format).toBe(AccessLogFormat.clf().format);
    expect(only(json, 'aws_cloudwatch_log_group')).toEqual({});
  });

  test('GIVEN a destination without a format THEN the JSON standard fields format', () => {
    const { stack, api } = fixture();
    api.deploy('prod', { accessLogDestinationArn: 'arn:aws:logs:us-east-1:123456789012:log-group:api' });
    expect(only(synth(stack), 'aws_api_gateway_stage').access_log_settings).toEqual({
      destination_arn: 'arn:aws:logs:us-east-1:123456789012:log-group:api', format: AccessLogFormat.jsonWithStandardFields().format,
    });
  });

  test('GIVEN no access log options THEN no log group and no access_log_settings', () => {
    const { stack, api } = fixture();
    api.deploy('prod');
    const json = synth(stack);
    expect(json.resource!.aws_cloudwatch_log_group).toBeUndefined();
    expect(only(json, 'aws_api_gateway_stage').access_log_settings).toBeUndefined();
  });

  test.each<[string, StageOptions, RegExp]>([
    ['a retention CloudWatch does not offer', { accessLogGroup: true, accessLogRetention: 2 },
      /stack\/Api\/Stage_prod: invalid accessLogRetention 2: CloudWatch keeps logs for 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 days/],
    ['a retention of 10 years and a day', { accessLogGroup: true, accessLogRetention: 3654 }, /invalid accessLogRetention 3654/],
    ['a retention without the log group', { accessLogRetention: 30 }, /invalid accessLogRetention 30: a retention needs accessLogGroup: true/],
    ['a log group and a destination', { accessLogGroup: true, accessLogDestinationArn: 'arn:aws:logs:us-east-1:123456789012:log-group:x' },
      /invalid accessLogDestinationArn ".*": give accessLogGroup: true or accessLogDestinationArn, not both/],
    ['a format given as a string', { accessLogGroup: true, accessLogFormat: '$context.requestId' as unknown as AccessLogFormat }, /invalid accessLogFormat "\$context.requestId": must be an object/],
    ['a format that is another object', { accessLogGroup: true, accessLogFormat: { format: '$context.requestId' } as unknown as AccessLogFormat },
      /invalid accessLogFormat .*: an AccessLogFormat, such as AccessLogFormat.jsonWithStandardFields\(\)/],
    ['a log group flag that is not a boolean', { accessLogGroup: 'yes' as unknown as boolean }, /invalid accessLogGroup "yes": must be true or false/],
  ])('GIVEN %s THEN deploy throws a ValidationError and leaves no stage', (_what, options, message) => {
    const { stack, api } = fixture();
    expect(() => api.deploy('prod', options)).toThrow(ValidationError);
    expect(() => api.deploy('prod', options)).toThrow(message);
    expect(api.node.tryFindChild('Stage_prod')).toBeUndefined();
    expect(() => synth(stack)).not.toThrow();
  });

  test('GIVEN each retention CloudWatch offers THEN it is accepted', () => {
    const { stack, api } = fixture();
    [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]
      .forEach((days) => api.deploy(`s${days}`, { accessLogGroup: true, accessLogRetention: days }));
    expect(Object.keys(synth(stack).resource!.aws_cloudwatch_log_group!)).toHaveLength(22);
  });
});
