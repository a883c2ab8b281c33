import { AccessLogFormat, AuthorizationType, MethodLoggingLevel, MockIntegration, RestApi, StageOptions, ValidationError } from '../../lib';
import { newStack, only, resolve, resourcesOf, synth } from '../support/synth';

function fixture() {
  const stack = newStack();
  const api = new RestApi(stack, 'Api', { name: 'pets' });
  api.root.addResource('pets').addMethod('GET', new MockIntegration(), { authorization: AuthorizationType.NONE });
  return { stack, api };
}

describe('Stage', () => {
  test('GIVEN every option WHEN synthesized THEN aws_api_gateway_stage references the deployment and carries them', () => {
    const { stack, api } = fixture();
    const stage = api.deploy('prod', {
      description: 'production',
      variables: { backend: 'https://example.com' },
      xrayTracingEnabled: true,
      cacheClusterEnabled: true,
      cacheClusterSize: '0.5',
      accessLogDestinationArn: 'arn:aws:logs:us-east-1:123456789012:log-group:api',
      accessLogFormat: AccessLogFormat.custom('$context.requestId $context.status'),
      tags: { env: 'prod' },
    });
    expect(only(synth(stack), 'aws_api_gateway_stage')).toEqual({
      rest_api_id: resolve(stack, api.restApiId),
      deployment_id: resolve(stack, api.deployment!.deploymentId),
      stage_name: 'prod',
      description: 'production',
      variables: { backend: 'https://example.com' },
      xray_tracing_enabled: true,
      cache_cluster_enabled: true,
      cache_cluster_size: '0.5',
      access_log_settings: { destination_arn: 'arn:aws:logs:us-east-1:123456789012:log-group:api', format: '$context.requestId $context.status' },
      tags: { env: 'prod' },
    });
    expect(stage.stageName).toBe('prod');
    expect(resolve(stack, stage.invokeUrl)).toMatch(/^\$\{aws_api_gateway_stage\..*\.invoke_url\}$/);
  });

  test('GIVEN stage-wide and per-method settings THEN aws_api_gateway_method_settings for */* and for the method path, after the stage', () => {
    const { stack, api } = fixture();
    const stage = api.deploy('prod', {
      throttlingBurstLimit: 100,
      throttlingRateLimit: 50.5,
      loggingLevel: MethodLoggingLevel.INFO,
      metricsEnabled: true,
      methodOptions: { '/pets/GET': { cachingEnabled: true, cacheTtlSeconds: 60 } },
    });
    const settings = Object.values(resourcesOf(synth(stack), 'aws_api_gateway_method_settings'));
    const stageName = resolve(stack, (stage.node.defaultChild as any).stageName);
    expect(settings).toEqual(expect.arrayContaining([
      { rest_api_id: resolve(stack, api.restApiId), stage_name: stageName, method_path: '*/*',
        settings: { throttling_burst_limit: 100, throttling_rate_limit: 50.5, logging_level: 'INFO', metrics_enabled: true } },
      { rest_api_id: resolve(stack, api.restApiId), stage_name: stageName, method_path: 'pets/GET',
        settings: { caching_enabled: true, cache_ttl_in_seconds: 60 } },
    ]));
    expect(settings).toHaveLength(2);
  });

  test('GIVEN method options for a method the API does not have WHEN synthesized THEN the error names it', () => {
    const { stack, api } = fixture();
    api.deploy('prod', { methodOptions: { '/pets/POST': { metricsEnabled: true } } });
    expect(() => synth(stack)).toThrow(/methodOptions names "\/pets\/POST", but the API has no POST method at \/pets/);
  });

  test.each<[string, StageOptions, RegExp]>([
    ['a cache size that does not exist', { cacheClusterEnabled: true, cacheClusterSize: '2' }, /invalid cacheClusterSize "2": allowed values are 0.5, 1.6, 6.1, 13.5, 28.4, 58.2, 118, 237/],
    ['a cache size without the cache', { cacheClusterSize: '0.5' }, /invalid cacheClusterSize "0.5": a cache size needs cacheClusterEnabled: true/],
    ['an access log format without the request ID', { accessLogDestinationArn: 'arn:aws:logs:us-east-1:1:log-group:a', accessLogFormat: AccessLogFormat.custom('$context.status') }, /invalid accessLogFormat "\$context.status": the format must contain \$context.requestId/],
    ['an access log format without a destination', { accessLogFormat: AccessLogFormat.clf() }, /invalid accessLogDestinationArn undefined: an access log format needs accessLogDestinationArn or accessLogGroup: true/],
    ['an access log destination that is not a log group', { accessLogDestinationArn: 'arn:aws:s3:::bucket', accessLogFormat: AccessLogFormat.custom('$context.requestId') }, /invalid accessLogDestinationArn "arn:aws:s3:::bucket"/],
    ['a stage variable name with a dash', { variables: { 'my-var': 'x' } }, /invalid variables key "my-var": stage variable names are letters, digits and underscores/],
    ['a stage variable value with a space', { variables: { v: 'a b' } }, /invalid variables\["v"\] "a b"/],
    ['a negative burst limit', { throttlingBurstLimit: -1 }, /invalid throttlingBurstLimit -1/],
    ['a negative rate limit', { throttlingRateLimit: -5 }, /invalid throttlingRateLimit -5/],
    ['an unknown logging level', { loggingLevel: 'DEBUG' as MethodLoggingLevel }, /invalid loggingLevel "DEBUG": allowed values are OFF, ERROR, INFO/],
    ['a cache TTL over an hour', { cacheTtlSeconds: 3601 }, /invalid cacheTtlSeconds 3601: must be a whole number from 0 to 3600/],
    ['a method options key without method', { methodOptions: { '/pets': {} } }, /invalid methodOptions key "\/pets": keys are \/path\/HTTP-METHOD/],
    ['an empty per-method entry (invalid Terraform: settings would be empty)', { methodOptions: { '/pets/GET': {} } },
      /invalid methodOptions\["\/pets\/GET"\] \{\}: a per-method entry sets at least one setting.*MethodDeploymentOptions\(throttling_rate_limit=...\)/],
    ['a per-method entry with snake_case keys', { methodOptions: { '/pets/GET': { throttling_rate_limit: 10 } as any } },
      /invalid methodOptions\["\/pets\/GET"\] key "throttling_rate_limit": MethodDeploymentOptions has throttlingBurstLimit, throttlingRateLimit/],
  ])('GIVEN %s THEN deploy throws a ValidationError', (_what, options, message) => {
    expect(() => fixture().api.deploy('prod', options)).toThrow(ValidationError);
    expect(() => fixture().api.deploy('prod', options)).toThrow(message);
  });

  test.each(['pro d', 'prod/v1', '', 'x'.repeat(129)])('GIVEN the stage name %j THEN deploy throws a ValidationError', (name) => {
    expect(() => fixture().api.deploy(name)).toThrow(/stageName/);
  });
});
