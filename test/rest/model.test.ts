import { TerraformVariable } from 'cdktf';
import { AuthorizationType, ImportId, MockIntegration, Model, RestApi, ValidationError } from '../../lib';
import { orderingProblems, reaches, buildGraph } from '../support/graph';
import { newStack, only, resolve, resourcesOf, synth } from '../support/synth';

const PET_SCHEMA = { type: 'object', required: ['name'], properties: { name: { type: 'string' } } };

function fixture() {
  const stack = newStack();
  const api = new RestApi(stack, 'Api', { name: 'pets' });
  const pets = api.root.addResource('pets');
  return { stack, api, pets };
}

const addressOf = (stack: any, token: string) => String(resolve(stack, token)).replace(/^\$\{(.*)\.[a-z_]+\}$/, '$1');

describe('Model', () => {
  test('GIVEN a model WHEN synthesized THEN aws_api_gateway_model carries the name, content type, description and the schema as JSON', () => {
    const { stack, api } = fixture();
    const pet = new Model(stack, 'Pet', { restApi: api, schema: PET_SCHEMA, description: 'a pet' });
    const l1 = only(synth(stack), 'aws_api_gateway_model');
    expect(l1).toEqual({
      rest_api_id: resolve(stack, api.restApiId),
      name: 'Pet',
      content_type: 'application/json',
      description: 'a pet',
      schema: JSON.stringify(PET_SCHEMA),
    });
    expect(pet.node.defaultChild).toBeDefined();
    expect(resolve(stack, pet.modelName)).toMatch(/^\$\{aws_api_gateway_model\.Pet_[A-Z0-9]+\.name\}$/);
  });

  test('GIVEN api.addModel with an ID of other characters THEN the default name keeps its letters and digits', () => {
    const { stack, api } = fixture();
    api.addModel('new-pet_v2', { schema: PET_SCHEMA, contentType: 'application/vnd.pets+json' });
    const l1 = only(synth(stack), 'aws_api_gateway_model');
    expect(l1.name).toBe('newpetv2');
    expect(l1.content_type).toBe('application/vnd.pets+json');
  });

  test('GIVEN methods with request and response models THEN they reference the model names, and Empty and Error stay plain names', () => {
    const { stack, api, pets } = fixture();
    const pet = api.addModel('Pet', { schema: PET_SCHEMA });
    pets.addMethod('POST', new MockIntegration(), {
      authorization: AuthorizationType.NONE,
      requestModels: { 'application/json': pet },
      methodResponses: [{ statusCode: '200', responseModels: { 'application/json': Model.EMPTY } }, { statusCode: '400', responseModels: { 'application/json': Model.ERROR } }],
    });
    pets.addMethod('GET', new MockIntegration(), { authorization: AuthorizationType.NONE, methodResponses: [{ statusCode: '200', responseModels: { 'application/json': pet } }] });
    api.deploy('prod');
    const json = synth(stack);
    const methods = Object.values(resourcesOf(json, 'aws_api_gateway_method'));
    const modelName = resolve(stack, pet.modelName);
    expect(methods.find((m) => m.http_method === 'POST')!.request_models).toEqual({ 'application/json': modelName });
    const responses = Object.values(resourcesOf(json, 'aws_api_gateway_method_response'));
    expect(responses.map((r) => r.response_models['application/json']).sort()).toEqual([modelName, 'Empty', 'Error'].sort());
    expect(orderingProblems(json)).toEqual([]);
    expect(only(json, 'aws_api_gateway_deployment').depends_on).toContain(addressOf(stack, pet.modelId));
  });

  test('GIVEN a schema with Model.referenceTo(other) THEN the $ref is the model URL and the referring model is ordered after the other, without depends_on', () => {
    const { stack, api } = fixture();
    const pet = api.addModel('Pet', { schema: PET_SCHEMA });
    const pets = api.addModel('Pets', { schema: { type: 'array', items: { $ref: Model.referenceTo(pet) } } });
    const json = synth(stack);
    const l1 = resourcesOf(json, 'aws_api_gateway_model')[addressOf(stack, pets.modelId).split('.')[1]];
    const petAddress = addressOf(stack, pet.modelId);
    expect(JSON.parse(l1.schema)).toEqual({
      type: 'array',
      items: { $ref: `https://apigateway.amazonaws.com/restapis/\${${petAddress}.rest_api_id}/models/\${${petAddress}.name}` },
    });
    expect(l1.depends_on).toBeUndefined();
    expect(reaches(buildGraph(json), petAddress, addressOf(stack, pets.modelId))).toBe(true);
    expect(Model.referenceTo(pet)).toBe(Model.referenceTo(pet));
  });

  test('GIVEN a schema with Terraform and API Gateway syntax in strings THEN it is escaped for Terraform', () => {
    const { stack, api } = fixture();
    api.addModel('Templ', { schema: { type: 'string', description: 'like ${stageVariables.x}' } });
    expect(JSON.parse(only(synth(stack), 'aws_api_gateway_model').schema).description).toBe('like $${stageVariables.x}');
  });

  test('GIVEN a name or schema given as a token THEN it is not rejected', () => {
    const { stack, api } = fixture();
    const name = new TerraformVariable(stack, 'name', { type: 'string' }).stringValue;
    const schema = new TerraformVariable(stack, 'schema', { type: 'string' }).stringValue;
    api.addModel('Var', { modelName: name, schema: schema as unknown as { [key: string]: unknown } });
    const l1 = only(synth(stack), 'aws_api_gateway_model');
    expect(l1.name).toBe('${var.name}');
    expect(l1.schema).toBe('${var.schema}');
  });

  test('GIVEN importExisting THEN the model is adopted by its name', () => {
    const { stack, api } = fixture();
    api.addModel('Pet', { schema: PET_SCHEMA });
    api.importExisting({ restApiId: 'a1b2c3', resourceIds: { '/': 'root', '/pets': 'p1' } });
    const imports = (synth(stack) as any).import as Array<{ id: string; to: string }>;
    expect(imports).toContainEqual(expect.objectContaining({ id: 'a1b2c3/Pet', to: expect.stringMatching(/^aws_api_gateway_model\./) }));
    expect(ImportId.model('a1b2c3', 'Pet')).toBe('a1b2c3/Pet');
    expect(ImportId.parseModel('a1b2c3/Pet')).toEqual({ restApiId: 'a1b2c3', modelName: 'Pet' });
    expect(() => ImportId.parseModel('a1b2c3/Pet/x')).toThrow(ValidationError);
    expect(() => ImportId.model('a1b2c3', 'pet-model')).toThrow(/ImportId.model: cannot build an import ID: model name "pet-model" is not letters and digits/);
  });

  test('GIVEN a changed schema THEN the deployment trigger changes; the same program keeps it', () => {
    const build = (required: string[]) => {
      const { stack, api, pets } = fixture();
      pets.addMethod('GET', new MockIntegration(), { authorization: AuthorizationType.NONE });
      api.addModel('Pet', { schema: { type: 'object', required } });
      api.deploy('prod');
      return only(synth(stack), 'aws_api_gateway_deployment').triggers.redeployment;
    };
    expect(build(['name'])).toBe(build(['name']));
    expect(build(['name', 'age'])).not.toBe(build(['name']));
  });

  describe('bad input', () => {
    const circular: { [key: string]: unknown } = { type: 'object' };
    circular.self = circular;
    test.each([
      ['a schema that is not draft 4 (an unknown type)', { schema: { type: 'objekt' } }, /stack\/Api\/Bad: invalid schema \{"type":"objekt"\}: it is not a valid JSON Schema draft 4.*\.type should be equal to one of the allowed values/],
      ['a schema with an empty required list', { schema: { type: 'object', required: [] } }, /invalid schema .*not a valid JSON Schema draft 4.*\.required should NOT have fewer than 1 items/],
      ['a schema with a non-numeric minimum', { schema: { type: 'number', minimum: '3' } }, /invalid schema .*draft 4.*\.minimum should be number/],
      ['a schema with a function', { schema: { type: 'string', format: () => 'x' } }, /invalid schema .*the schema must be JSON: \.format is a function/],
      ['a schema with NaN', { schema: { type: 'number', maximum: NaN } }, /the schema must be JSON: \.maximum is NaN/],
      ['a circular schema', { schema: circular }, /the schema must be JSON: \.self refers back to itself/],
      ['a schema that is a string', { schema: '{"type":"object"}' }, /invalid schema "\{\\"type\\":\\"object\\"\}": must be an object/],
      ['no schema', { schema: undefined }, /invalid schema undefined: a JSON Schema \(draft 4\) object is required/],
      ['a model name with a dash', { modelName: 'pet-model', schema: PET_SCHEMA }, /stack\/Api\/Bad: invalid modelName "pet-model": a model name is one or more letters and digits/],
      ['an ID without letters or digits', { schema: PET_SCHEMA, id: '--' }, /invalid modelName \(derived from the construct ID "--"\) "": a model name is one or more letters and digits/],
      ['the built-in name Empty', { modelName: 'Empty', schema: PET_SCHEMA }, /invalid modelName "Empty": every REST API has a built-in model named Empty; use Model.EMPTY/],
      ['a content type without subtype', { contentType: 'json', schema: PET_SCHEMA }, /invalid contentType "json": a content type is type\/subtype/],
      ['a content type with a parameter', { contentType: 'application/json; charset=utf-8', schema: PET_SCHEMA }, /invalid contentType/],
    ])('GIVEN %s THEN a ValidationError names path, property, value and rule, and nothing is left behind', (_what, props, message) => {
      const { stack, api } = fixture();
      const { id, ...rest } = props as any;
      expect(() => api.addModel(id ?? 'Bad', rest)).toThrow(ValidationError);
      expect(() => api.addModel(id ?? 'Bad', rest)).toThrow(message);
      expect(resourcesOf(synth(stack), 'aws_api_gateway_model')).toEqual({});
      expect(api._members.all().some((m) => Model.isModel(m.construct))).toBe(false);
    });

    test('GIVEN a model name used twice in an API THEN the second is refused; another API may use it', () => {
      const { stack, api } = fixture();
      api.addModel('Pet', { schema: PET_SCHEMA });
      expect(() => new Model(stack, 'Pet2', { restApi: api, modelName: 'Pet', schema: PET_SCHEMA }))
        .toThrow(/stack\/Pet2: invalid modelName "Pet": the API already has a model with this name \(stack\/Api\/Pet\); model names are unique in an API/);
      const other = new RestApi(stack, 'Other', { name: 'other' });
      expect(() => other.addModel('Pet', { schema: PET_SCHEMA })).not.toThrow();
    });

    test('GIVEN a $ref to a model of another API THEN the model is refused', () => {
      const { stack, api } = fixture();
      const other = new RestApi(stack, 'Other', { name: 'other' });
      const foreign = other.addModel('Pet', { schema: PET_SCHEMA });
      expect(() => api.addModel('Pets', { schema: { type: 'array', items: { $ref: Model.referenceTo(foreign) } } }))
        .toThrow(/stack\/Api\/Pets: invalid schema \$ref "stack\/Other\/Pet": the model belongs to another API \(stack\/Other\); a schema can only refer to models of its own API \(stack\/Api\)/);
    });

    test('GIVEN Model.referenceTo(Model.EMPTY) THEN it is refused', () => {
      expect(() => Model.referenceTo(Model.EMPTY)).toThrow(/Model.referenceTo: invalid model "Empty": a model created with new Model\(\)/);
    });

    test('GIVEN a model of another API in requestModels or responseModels THEN the method or response is refused', () => {
      const { stack, api, pets } = fixture();
      const foreign = new RestApi(stack, 'Other', { name: 'other' }).addModel('Pet', { schema: PET_SCHEMA });
      expect(() => pets.addMethod('POST', new MockIntegration(), { authorization: AuthorizationType.NONE, requestModels: { 'application/json': foreign } }))
        .toThrow(/stack\/Api\/Default\/pets\/POST: invalid requestModels\["application\/json"\] "stack\/Other\/Pet": the model belongs to another API \(stack\/Other\)/);
      expect(pets.getMethod('POST')).toBeUndefined();
      const get = pets.addMethod('GET', new MockIntegration(), { authorization: AuthorizationType.NONE });
      expect(() => get.addMethodResponse({ statusCode: '200', responseModels: { 'application/json': foreign } }))
        .toThrow(/GET\/Response200: invalid responseModels\["application\/json"\] "stack\/Other\/Pet": the model belongs to another API/);
      void api;
    });

    test('GIVEN a model name as a string in requestModels THEN it is refused with the way to name a model', () => {
      const { pets } = fixture();
      expect(() => pets.addMethod('POST', new MockIntegration(), { authorization: AuthorizationType.NONE, requestModels: { 'application/json': 'Empty' as any } }))
        .toThrow(/invalid requestModels\["application\/json"\] "Empty": a model: Model.EMPTY, Model.ERROR, or one made with new Model\(\)/);
    });

    test('GIVEN no restApi THEN new Model is refused', () => {
      const stack = newStack();
      expect(() => new Model(stack, 'Pet', { schema: PET_SCHEMA } as any)).toThrow(/stack\/Pet: invalid restApi undefined: the RestApi the model belongs to/);
      expect(stack.node.tryFindChild('Pet')).toBeUndefined();
    });
  });
});
