import { Testing } from 'cdktf';
import { ApiKey, AuthorizationType, ImportId, MockIntegration, Period, QuotaSettings, RestApi, ThrottleSettings, UsagePlan, ValidationError } from '../../lib';
import { buildGraph } from '../support/graph';
import { newStack, only, resolve, resourcesOf, synth } from '../support/synth';

function fixture() {
  const stack = newStack();
  const api = new RestApi(stack, 'Api', { name: 'pets' });
  api.root.addResource('pets').addMethod('GET', new MockIntegration(), { authorization: AuthorizationType.NONE, apiKeyRequired: true });
  api.root.addMethod('GET', new MockIntegration(), { authorization: AuthorizationType.NONE });
  const prod = api.deploy('prod');
  const staging = api.deploy('staging');
  return { stack, api, prod, staging };
}

const warnings = (c: { node: { metadata: Array<{ type: string; data: unknown }> } }) =>
  c.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data));

describe('UsagePlan', () => {
  test('GIVEN the issue example WHEN synthesized THEN the plan carries throttle, quota and stages by reference', () => {
    // GIVEN
    const { stack, api, prod, staging } = fixture();
    // WHEN
    const plan = new UsagePlan(stack, 'Basic', {
      name: 'basic',
      throttle: { rateLimit: 10, burstLimit: 20 },
      quota: { limit: 10000, period: Period.MONTH, offset: 0 },
      apiStages: [{ stage: prod, throttle: { '/pets/GET': { rateLimit: 5, burstLimit: 10 }, '/GET': { rateLimit: 1.5 } } }],
    });
    plan.addApiStage({ stage: staging });
    // THEN
    const json = synth(stack);
    expect(only(json, 'aws_api_gateway_usage_plan')).toEqual({
      name: 'basic',
      throttle_settings: { rate_limit: 10, burst_limit: 20 },
      quota_settings: { limit: 10000, period: 'MONTH', offset: 0 },
      api_stages: [
        {
          api_id: resolve(stack, api.restApiId),
          stage: resolve(stack, (prod.node.defaultChild as any).stageName),
          throttle: [{ path: '/pets/GET', rate_limit: 5, burst_limit: 10 }, { path: '//GET', rate_limit: 1.5 }],
        },
        { api_id: resolve(stack, api.restApiId), stage: resolve(stack, (staging.node.defaultChild as any).stageName) },
      ],
    });
    expect(plan.apiStages.map((s) => s.stage)).toEqual([prod, staging]);
    expect(resolve(stack, plan.usagePlanId)).toMatch(/^\$\{aws_api_gateway_usage_plan\..*\.id\}$/);
  });

  test('GIVEN a plan and a key WHEN synthesized THEN the plan follows the stages and the plan key follows the plan and the key, without depends_on', () => {
    // GIVEN
    const { stack, prod } = fixture();
    const plan = new UsagePlan(stack, 'Basic', { apiStages: [{ stage: prod }] });
    const key = new ApiKey(stack, 'PartnerKey', { name: 'partner' });
    // WHEN
    const planKey = plan.addApiKey(key);
    // THEN
    const json = synth(stack);
    const graph = buildGraph(json);
    const address = (c: any) => `${c.node.defaultChild.terraformResourceType}.${c.node.defaultChild.friendlyUniqueId}`;
    expect([...graph.get(address(plan))!.dependsOn]).toEqual(expect.arrayContaining([address(prod), address(prod.api)]));
    expect([...graph.get(address(planKey))!.dependsOn].sort()).toEqual([address(key), address(plan)].sort());
    expect(only(json, 'aws_api_gateway_usage_plan_key')).toEqual({
      usage_plan_id: resolve(stack, plan.usagePlanId), key_id: resolve(stack, key.apiKeyId), key_type: 'API_KEY',
    });
    expect(only(json, 'aws_api_gateway_usage_plan').depends_on).toBeUndefined();
    expect(only(json, 'aws_api_gateway_usage_plan_key').depends_on).toBeUndefined();
    expect(plan.apiKeys).toEqual([key]);
    expect(planKey.apiKey).toBe(key);
  });

  test('GIVEN a plan without a name THEN its name comes from the construct path', () => {
    const { stack } = fixture();
    new UsagePlan(stack, 'Free');
    expect(only(synth(stack), 'aws_api_gateway_usage_plan').name).toBe('stack-Free');
  });

  test('GIVEN a plan WHEN it is not a deployment member THEN the deployment trigger does not change with it', () => {
    const hashOf = (withPlan: boolean) => {
      const { stack, prod } = fixture();
      if (withPlan) new UsagePlan(stack, 'Basic', { apiStages: [{ stage: prod }], quota: { limit: 5, period: Period.DAY } });
      return only(synth(stack), 'aws_api_gateway_deployment').triggers.redeployment;
    };
    expect(hashOf(true)).toBe(hashOf(false));
  });

  test('GIVEN a stage with apiKeyRequired methods and no plan WHEN synthesized THEN a warning names the stage; a stage in a plan has none', () => {
    // GIVEN
    const { stack, prod, staging } = fixture();
    new UsagePlan(stack, 'Basic', { apiStages: [{ stage: prod }] });
    // WHEN
    synth(stack);
    // THEN
    expect(warnings(staging)).toEqual([expect.stringMatching(/stage "staging" \(stack\/Api\/Stage_staging\) serves methods that require an API key \(GET \/pets\), but no usage plan lists the stage/)]);
    expect(warnings(prod)).toEqual([]);
  });

  test('GIVEN an API without apiKeyRequired methods THEN no warning', () => {
    const stack = newStack();
    const api = new RestApi(stack, 'Api', { name: 'open' });
    api.root.addMethod('GET', new MockIntegration());
    const stage = api.deploy('prod');
    synth(stack);
    expect(warnings(stage)).toEqual([]);
  });

  test('GIVEN importFrom WHEN synthesized THEN import blocks with the provider IDs', () => {
    const { stack, prod } = fixture();
    const plan = new UsagePlan(stack, 'Basic', { apiStages: [{ stage: prod }] });
    const key = new ApiKey(stack, 'Key');
    plan.importFrom(ImportId.usagePlan('plan123'));
    plan.addApiKey(key).importFrom(ImportId.usagePlanKey('plan123', 'key456'));
    const json = JSON.parse(Testing.synth(stack)) as any;
    expect(json.import).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: 'plan123' }),
      expect.objectContaining({ id: 'plan123/key456' }),
    ]));
  });

  describe('bad input', () => {
    test.each<[string, ThrottleSettings, RegExp]>([
      ['a negative rate', { rateLimit: -1 }, /stack\/Basic: invalid throttle.rateLimit -1: a rate is a number of requests per second, 0 or more/],
      ['a rate that is not a number', { rateLimit: 'fast' as unknown as number }, /invalid throttle.rateLimit "fast"/],
      ['an infinite rate', { rateLimit: Infinity }, /invalid throttle.rateLimit null/],
      ['a negative burst', { burstLimit: -5 }, /invalid throttle.burstLimit -5: a burst is a whole number of requests, from 0 to 2147483647/],
      ['a fractional burst', { burstLimit: 2.5 }, /invalid throttle.burstLimit 2.5/],
      ['a burst that is not a number', { burstLimit: '10' as unknown as number }, /invalid throttle.burstLimit "10"/],
    ])('GIVEN %s THEN a ValidationError', (_what, throttle, message) => {
      const { stack } = fixture();
      expect(() => new UsagePlan(stack, 'Basic', { throttle })).toThrow(ValidationError);
      expect(() => new UsagePlan(stack, 'Basic', { throttle })).toThrow(message);
      expect(stack.node.tryFindChild('Basic')).toBeUndefined();
    });

    test.each<[string, QuotaSettings, RegExp]>([
      ['a negative limit', { limit: -1, period: Period.DAY }, /invalid quota.limit -1: a quota limit is a whole number of requests/],
      ['a fractional limit', { limit: 1.5, period: Period.DAY }, /invalid quota.limit 1.5/],
      ['a limit that is not a number', { limit: 'many' as unknown as number, period: Period.DAY }, /invalid quota.limit "many"/],
      ['an unknown period', { limit: 1, period: 'YEAR' as Period }, /invalid quota.period "YEAR": allowed values are DAY, WEEK, MONTH/],
      ['a period left out', { limit: 1 } as QuotaSettings, /invalid quota.period undefined: a quota needs a period/],
      ['an offset on a DAY quota', { limit: 1, period: Period.DAY, offset: 1 }, /invalid quota.offset 1: a DAY quota starts at offset 0 only/],
      ['a WEEK offset of 7', { limit: 1, period: Period.WEEK, offset: 7 }, /invalid quota.offset 7: the offset is the day the WEEK starts, a whole number from 0 to 6/],
      ['a MONTH offset of 28', { limit: 1, period: Period.MONTH, offset: 28 }, /invalid quota.offset 28: .* from 0 to 27/],
      ['a negative offset', { limit: 1, period: Period.MONTH, offset: -1 }, /invalid quota.offset -1/],
    ])('GIVEN a quota with %s THEN a ValidationError', (_what, quota, message) => {
      const { stack } = fixture();
      expect(() => new UsagePlan(stack, 'Basic', { quota })).toThrow(ValidationError);
      expect(() => new UsagePlan(stack, 'Basic', { quota })).toThrow(message);
    });

    test('GIVEN the last offsets of each period THEN they are accepted', () => {
      const { stack } = fixture();
      new UsagePlan(stack, 'A', { quota: { limit: 0, period: Period.WEEK, offset: 6 } });
      new UsagePlan(stack, 'B', { quota: { limit: 1, period: Period.MONTH, offset: 27 } });
      expect(Object.keys(resourcesOf(synth(stack), 'aws_api_gateway_usage_plan'))).toHaveLength(2);
    });

    test('GIVEN a stage listed twice THEN a ValidationError naming the stage, and the plan keeps one entry', () => {
      const { stack, prod } = fixture();
      expect(() => new UsagePlan(stack, 'Basic', { apiStages: [{ stage: prod }, { stage: prod }] }))
        .toThrow(/stack\/Basic: invalid apiStages "prod": stage stack\/Api\/Stage_prod is listed in this usage plan already/);
      const plan = new UsagePlan(stack, 'Basic', { apiStages: [{ stage: prod }] });
      expect(() => plan.addApiStage({ stage: prod })).toThrow(ValidationError);
      expect(plan.apiStages).toHaveLength(1);
      expect(only(synth(stack), 'aws_api_gateway_usage_plan').api_stages).toHaveLength(1);
    });

    test('GIVEN a failed plan THEN its stages do not count as covered', () => {
      const { stack, prod } = fixture();
      expect(() => new UsagePlan(stack, 'Basic', { apiStages: [{ stage: prod }, { stage: prod }] })).toThrow(ValidationError);
      synth(stack);
      expect(warnings(prod)).toHaveLength(1);
    });

    test.each([
      ['without a method', '/pets', /invalid apiStages\["prod"\].throttle key "\/pets": keys are \/path\/HTTP-METHOD/],
      ['with a lower-case method', '/pets/get', /invalid apiStages\["prod"\].throttle key "\/pets\/get"/],
      ['with an unknown method', '/pets/FETCH', /invalid apiStages\["prod"\].throttle key "\/pets\/FETCH"/],
      ['without a leading slash', 'pets/GET', /invalid apiStages\["prod"\].throttle key "pets\/GET"/],
    ])('GIVEN a per-method throttle key %s THEN a ValidationError', (_what, key, message) => {
      const { stack, prod } = fixture();
      expect(() => new UsagePlan(stack, 'Basic', { apiStages: [{ stage: prod, throttle: { [key]: { rateLimit: 1 } } }] })).toThrow(message);
    });

    test('GIVEN a per-method throttle for a method the API does not have WHEN synthesized THEN the error names key, stage and method', () => {
      const { stack, prod } = fixture();
      new UsagePlan(stack, 'Basic', { apiStages: [{ stage: prod, throttle: { '/pets/POST': { rateLimit: 1 } } }] });
      expect(() => synth(stack)).toThrow(/invalid apiStages\["prod"\].throttle key "\/pets\/POST": the API of stage stack\/Api\/Stage_prod has no POST method at \/pets/);
    });

    test('GIVEN a per-method throttle for a method added after the plan WHEN synthesized THEN it is accepted', () => {
      const { stack, api, prod } = fixture();
      new UsagePlan(stack, 'Basic', { apiStages: [{ stage: prod, throttle: { '/pets/POST': { rateLimit: 1 } } }] });
      api.root.getResource('pets')!.addMethod('POST', new MockIntegration());
      expect(only(synth(stack), 'aws_api_gateway_usage_plan').api_stages[0].throttle).toEqual([{ path: '/pets/POST', rate_limit: 1 }]);
    });

    test('GIVEN an empty per-method throttle, as a Python dict with snake_case keys inside a map arrives THEN a ValidationError', () => {
      const { stack, prod } = fixture();
      expect(() => new UsagePlan(stack, 'Basic', { apiStages: [{ stage: prod, throttle: { '/pets/GET': {} } }] }))
        .toThrow(/invalid apiStages\["prod"\].throttle\["\/pets\/GET"\] \{\}: a per-method throttle sets rateLimit, burstLimit or both \(from Python, give ThrottleSettings/);
    });

    test('GIVEN a throttle with an unknown key THEN a ValidationError instead of a lost setting', () => {
      const { stack, prod } = fixture();
      const throttle = { '/pets/GET': { rate: 5 } } as unknown as { [path: string]: ThrottleSettings };
      expect(() => new UsagePlan(stack, 'Basic', { apiStages: [{ stage: prod, throttle }] }))
        .toThrow(/invalid apiStages\["prod"\].throttle\["\/pets\/GET"\] key "rate": ThrottleSettings has rateLimit and burstLimit/);
      expect(() => new UsagePlan(stack, 'Other', { throttle: { burst: 1 } as ThrottleSettings })).toThrow(/invalid throttle key "burst"/);
    });

    test('GIVEN a per-method throttle with a negative rate THEN a ValidationError naming the key', () => {
      const { stack, prod } = fixture();
      expect(() => new UsagePlan(stack, 'Basic', { apiStages: [{ stage: prod, throttle: { '/pets/GET': { rateLimit: -2 } } }] }))
        .toThrow(/invalid apiStages\["prod"\].throttle\["\/pets\/GET"\].rateLimit -2/);
    });

    test('GIVEN something that is not a stage THEN a ValidationError', () => {
      const { stack } = fixture();
      expect(() => new UsagePlan(stack, 'Basic', { apiStages: [{ stage: 'prod' as any }] })).toThrow(/invalid apiStage.stage "prod": a Stage/);
    });

    test('GIVEN a key added twice THEN a ValidationError', () => {
      const { stack } = fixture();
      const plan = new UsagePlan(stack, 'Basic');
      const key = new ApiKey(stack, 'Key');
      plan.addApiKey(key);
      expect(() => plan.addApiKey(key)).toThrow(/invalid apiKey "stack\/Key": the key is in usage plan stack\/Basic already/);
      expect(() => plan.addApiKey('key' as any)).toThrow(/invalid apiKey "key": an ApiKey/);
      expect(Object.keys(resourcesOf(synth(stack), 'aws_api_gateway_usage_plan_key'))).toHaveLength(1);
    });
  });
});
