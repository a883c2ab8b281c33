import { AnnotationMetadataEntryType, TerraformVariable } from 'cdktf';
import { AuthorizationType, ImportId, MockIntegration, RequestValidator, RestApi, ValidationError } from '../../lib';
import { orderingProblems } from '../support/graph';
import { newStack, only, resolve, resourcesOf, synth } from '../support/synth';

function fixture() {
  const stack = newStack();
  const api = new RestApi(stack, 'Api', { name: 'pets' });
  const pets = api.root.addResource('pets');
  return { stack, api, pets };
}

const open = { authorization: AuthorizationType.NONE };
const methodsOf = (json: any) => Object.values(resourcesOf(json, 'aws_api_gateway_method'));

describe('RequestValidator', () => {
  test('GIVEN a validator used by a method THEN the method references its ID and the deployment follows it', () => {
    const { stack, api, pets } = fixture();
    const body = new RequestValidator(stack, 'Body', { restApi: api, validateRequestBody: true });
    pets.addMethod('POST', new MockIntegration(), { ...open, requestValidator: body });
    api.deploy('prod');
    const json = synth(stack);
    expect(only(json, 'aws_api_gateway_request_validator')).toEqual({
      rest_api_id: resolve(stack, api.restApiId),
      name: 'Body',
      validate_request_body: true,
      validate_request_parameters: false,
    });
    expect(methodsOf(json)[0].request_validator_id).toBe(resolve(stack, body.requestValidatorId));
    expect(orderingProblems(json)).toEqual([]);
    expect(body.node.defaultChild).toBeDefined();
  });

  test('GIVEN requestValidatorOptions on several methods THEN one validator per distinct setting is made under the API and shared', () => {
    const { stack, api, pets } = fixture();
    const a = pets.addMethod('POST', new MockIntegration(), { ...open, requestValidatorOptions: { validateRequestBody: true } });
    const b = pets.addMethod('PUT', new MockIntegration(), { ...open, requestValidatorOptions: { validateRequestBody: true, validateRequestParameters: false } });
    const c = pets.addMethod('GET', new MockIntegration(), { ...open, requestValidatorOptions: { validateRequestParameters: true } });
    const json = synth(stack);
    const validators = Object.values(resourcesOf(json, 'aws_api_gateway_request_validator'));
    expect(validators.map((v) => [v.name, v.validate_request_body, v.validate_request_parameters]).sort()).toEqual([
      ['validate-body', true, false],
      ['validate-parameters', false, true],
    ]);
    const id = (m: any) => (m.node.defaultChild as any).requestValidatorIdInput;
    expect(id(a)).toBe(id(b));
    expect(id(a)).not.toBe(id(c));
    expect(api.node.tryFindChild('RequestValidator(validate-body)')).toBeDefined();
  });

  test('GIVEN requestValidatorOptions in the API-wide defaults and a method with its own validator THEN the method takes its own only', () => {
    const stack = newStack();
    const api = new RestApi(stack, 'Api', { name: 'pets', defaultMethodOptions: { ...open, requestValidatorOptions: { validateRequestBody: true } } });
    const mine = api.addRequestValidator('Params', { validateRequestParameters: true, requestValidatorName: 'params' });
    api.root.addMethod('GET', new MockIntegration());
    api.root.addMethod('POST', new MockIntegration(), { requestValidator: mine });
    const json = synth(stack);
    const byMethod = Object.fromEntries(methodsOf(json).map((m) => [m.http_method, m.request_validator_id]));
    expect(byMethod.POST).toBe(resolve(stack, mine.requestValidatorId));
    expect(byMethod.GET).not.toBe(byMethod.POST);
    expect(Object.values(resourcesOf(json, 'aws_api_gateway_request_validator')).map((v) => v.name).sort()).toEqual(['params', 'validate-body']);
  });

  test('GIVEN requestValidatorId as a string THEN it is still passed through', () => {
    const { stack, pets } = fixture();
    pets.addMethod('GET', new MockIntegration(), { ...open, requestValidatorId: 'abc123' });
    expect(methodsOf(synth(stack))[0].request_validator_id).toBe('abc123');
  });

  test('GIVEN a name given as a token THEN it is not rejected', () => {
    const { stack, api } = fixture();
    api.addRequestValidator('V', { requestValidatorName: new TerraformVariable(stack, 'n', { type: 'string' }).stringValue });
    expect(only(synth(stack), 'aws_api_gateway_request_validator').name).toBe('${var.n}');
  });

  test('GIVEN importExisting with requestValidatorIds THEN the validator is adopted by the ID given for its name; a missing name is an error', () => {
    const { stack, api, pets } = fixture();
    pets.addMethod('POST', new MockIntegration(), { ...open, requestValidatorOptions: { validateRequestBody: true } });
    api.importExisting({ restApiId: 'a1b2c3', resourceIds: { '/': 'root', '/pets': 'p1' }, requestValidatorIds: { 'validate-body': 'v9' } });
    const imports = (synth(stack) as any).import as Array<{ id: string; to: string }>;
    expect(imports).toContainEqual(expect.objectContaining({ id: 'a1b2c3/v9', to: expect.stringMatching(/^aws_api_gateway_request_validator\./) }));

    const f = fixture();
    f.api.addRequestValidator('Body', { validateRequestBody: true });
    f.api.importExisting({ restApiId: 'a1b2c3', resourceIds: { '/': 'root', '/pets': 'p1' } });
    expect(() => synth(f.stack)).toThrow(/stack\/Api\/Body: importExisting requestValidatorIds has no ID for the request validator "Api-Body"/);
    expect(ImportId.requestValidator('a1b2c3', 'v9')).toBe('a1b2c3/v9');
    expect(ImportId.parseRequestValidator('a1b2c3/v9')).toEqual({ restApiId: 'a1b2c3', requestValidatorId: 'v9' });
    expect(() => ImportId.parseRequestValidator('a1b2c3')).toThrow(/ImportId.parseRequestValidator: invalid import ID "a1b2c3"/);
  });

  test('GIVEN a changed setting THEN the deployment trigger changes', () => {
    const build = (body: boolean) => {
      const { stack, api, pets } = fixture();
      pets.addMethod('POST', new MockIntegration(), { ...open, requestValidator: api.addRequestValidator('V', { validateRequestBody: body }) });
      api.deploy('prod');
      return only(synth(stack), 'aws_api_gateway_deployment').triggers.redeployment;
    };
    expect(build(true)).toBe(build(true));
    expect(build(false)).not.toBe(build(true));
  });

  describe('bad input', () => {
    test('GIVEN two validators with one name in an API THEN the second is refused', () => {
      const { api } = fixture();
      api.addRequestValidator('A', { requestValidatorName: 'body' });
      expect(() => api.addRequestValidator('B', { requestValidatorName: 'body' }))
        .toThrow(/stack\/Api\/B: invalid requestValidatorName "body": the API already has a request validator with this name \(stack\/Api\/A\)/);
      expect(api.node.tryFindChild('B')).toBeUndefined();
    });

    test('GIVEN requestValidatorOptions whose shared name is taken by a hand-made validator THEN the method is refused', () => {
      const { api, pets } = fixture();
      api.addRequestValidator('Mine', { requestValidatorName: 'validate-body', validateRequestParameters: true });
      expect(() => pets.addMethod('POST', new MockIntegration(), { ...open, requestValidatorOptions: { validateRequestBody: true } }))
        .toThrow(/invalid requestValidatorOptions \{"validateRequestBody":true\}: the API has a request validator named "validate-body" already/);
    });

    test('GIVEN a validator of another API THEN the method is refused', () => {
      const { stack, pets } = fixture();
      const foreign = new RestApi(stack, 'Other', { name: 'other' }).addRequestValidator('Body', { validateRequestBody: true });
      expect(() => pets.addMethod('POST', new MockIntegration(), { ...open, requestValidator: foreign }))
        .toThrow(/stack\/Api\/Default\/pets\/POST: invalid requestValidator "stack\/Other\/Body": the request validator belongs to another API \(stack\/Other\)/);
      expect(pets.getMethod('POST')).toBeUndefined();
    });

    test('GIVEN requestValidator and requestValidatorOptions together THEN the method is refused and no validator is left behind', () => {
      const { stack, api, pets } = fixture();
      const body = api.addRequestValidator('Body', { validateRequestBody: true });
      expect(() => pets.addMethod('POST', new MockIntegration(), { ...open, requestValidator: body, requestValidatorOptions: { validateRequestBody: true } }))
        .toThrow(/stack\/Api\/Default\/pets\/POST: invalid requestValidatorOptions \{"validateRequestBody":true\}: give either requestValidator .* or requestValidatorOptions .*, not both/);
      expect(Object.keys(resourcesOf(synth(stack), 'aws_api_gateway_request_validator'))).toHaveLength(1);
    });

    test('GIVEN requestValidatorId with requestValidator THEN the method is refused', () => {
      const { api, pets } = fixture();
      const body = api.addRequestValidator('Body', { validateRequestBody: true });
      expect(() => pets.addMethod('POST', new MockIntegration(), { ...open, requestValidator: body, requestValidatorId: 'x' }))
        .toThrow(/invalid requestValidatorId "x": give one of requestValidatorId, requestValidator and requestValidatorOptions/);
    });

    test('GIVEN a method refused after its shared validator was made THEN the validator goes too', () => {
      const { stack, pets } = fixture();
      expect(() => pets.addMethod('POST', new MockIntegration(), {
        ...open, requestValidatorOptions: { validateRequestBody: true }, methodResponses: [{ statusCode: '20' }],
      })).toThrow(/invalid statusCode "20"/);
      expect(resourcesOf(synth(stack), 'aws_api_gateway_request_validator')).toEqual({});
    });

    test.each([
      ['a non-boolean setting', { validateRequestBody: 'yes' }, /stack\/Api\/V: invalid validateRequestBody "yes": must be true or false/],
      ['an empty name', { requestValidatorName: '' }, /stack\/Api\/V: invalid requestValidatorName "": a request validator name is required/],
    ])('GIVEN %s THEN a ValidationError names it', (_what, options, message) => {
      const { api } = fixture();
      expect(() => api.addRequestValidator('V', options as any)).toThrow(ValidationError);
      expect(() => api.addRequestValidator('V', options as any)).toThrow(message);
    });

    test('GIVEN something else than a validator as requestValidator THEN the method is refused', () => {
      const { pets } = fixture();
      expect(() => pets.addMethod('POST', new MockIntegration(), { ...open, requestValidator: 'abc' as any }))
        .toThrow(/invalid requestValidator "abc": must be an object/);
    });
  });
});

describe('RequestValidator adoption', () => {
  test('GIVEN requestValidatorIds naming no validator of the API THEN a warning says it is not imported', () => {
    const { stack, api } = fixture();
    api.root.addMethod('GET', new MockIntegration(), open);
    api.importExisting({ restApiId: 'a1b2c3', resourceIds: { '/': 'root', '/pets': 'p1' }, requestValidatorIds: { ghost: 'v1' } });
    synth(stack);
    const warnings = api.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN).map((m) => String(m.data));
    expect(warnings).toContainEqual(expect.stringMatching(/importExisting requestValidatorIds names "ghost", but the API has no request validator of that name/));
  });

  test('GIVEN requestValidatorIds with a bad ID THEN importExisting refuses it', () => {
    const { api } = fixture();
    expect(() => api.importExisting({ restApiId: 'a1b2c3', resourceIds: { '/': 'root' }, requestValidatorIds: { body: 'a/b' } }))
      .toThrow(/stack\/Api\/importExisting: invalid requestValidatorIds\["body"\] "a\/b": a request validator ID is a non-empty string without slashes or white space/);
  });
});
