/**
 * One test (or table) per defect of the correctness review: each failed before its fix.
 */
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { Fn, TerraformStack, TerraformVariable } from 'cdktf';
import {
  AuthorizationType, EndpointType, HttpIntegration, LambdaIntegration, Method, MethodResponse, MockIntegration, Resource, RestApi, Stage, ValidationError,
  Model, websocket,
} from '../lib';
import { validateWithTerraform } from './e2e/flows/standin';
import { newStack, only, resourcesOf, synth } from './support/synth';

const open = { authorization: AuthorizationType.NONE };

function trigger(json: ReturnType<typeof synth>, type = 'aws_api_gateway_deployment'): string {
  return only(json, type).triggers.redeployment;
}

function lambda(stack: TerraformStack): LambdaFunction {
  return new LambdaFunction(stack, 'Fn', { functionName: 'pets', role: 'arn:aws:iam::123456789012:role/r', handler: 'h', runtime: 'nodejs20.x' });
}

describe('1. the deployment follows values known only at apply time', () => {
  function withUrl(url: (stack: TerraformStack) => string) {
    const stack = newStack();
    const api = new RestApi(stack, 'Api', { name: 'shop' });
    api.root.addResource('pets').addMethod('GET', new HttpIntegration(url(stack)), open);
    api.deploy('prod');
    return synth(stack);
  }

  test('GIVEN a backend URL from a variable THEN the trigger folds the variable in as an expression', () => {
    const json = withUrl((stack) => `https://${new TerraformVariable(stack, 'backend', { type: 'string' }).stringValue}/pets`);
    expect(trigger(json)).toMatch(/^\$\{sha256\(jsonencode\(\["[0-9a-f]{64}", var\.backend\]\)\)\}$/);
  });

  test('GIVEN a Lambda ARN THEN the trigger folds the function reference in', () => {
    const stack = newStack();
    const fn = lambda(stack);
    const api = new RestApi(stack, 'Api', { name: 'shop' });
    api.root.addMethod('GET', new LambdaIntegration(fn.arn), open);
    api.deploy('prod');
    expect(trigger(synth(stack))).toMatch(/^\$\{sha256\(jsonencode\(\["[0-9a-f]{64}", .*aws_lambda_function\.Fn\.arn\]\)\)\}$/);
  });

  test('GIVEN no value known only at apply time THEN the trigger is a plain hash, the same for the same program', () => {
    const a = trigger(withUrl(() => 'https://example.com/pets'));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(trigger(withUrl(() => 'https://example.com/pets'))).toBe(a);
    expect(trigger(withUrl(() => 'https://example.org/pets'))).not.toBe(a);
  });

  test('GIVEN a WebSocket integration URI from a variable THEN its deployment folds it in; routes referencing their integrations do not', () => {
    const build = (uri: (stack: TerraformStack) => string) => {
      const stack = newStack();
      const api = new websocket.WebSocketApi(stack, 'Ws', { name: 'chat' });
      const backend = api.addIntegration('Backend', { type: websocket.IntegrationType.HTTP_PROXY, integrationUri: uri(stack), integrationMethod: 'POST' });
      api.addRoute('$default', { integration: backend });
      api.deploy('prod');
      return trigger(synth(stack), 'aws_apigatewayv2_deployment');
    };
    expect(build((stack) => new TerraformVariable(stack, 'url', { type: 'string' }).stringValue)).toMatch(/", var\.url\]\)\)\}$/);
    expect(build(() => 'https://example.com')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('2. CORS preflights carry no credentials', () => {
  test('GIVEN API-wide defaults with IAM, an API key, a validator and models THEN the preflight is open', () => {
    const stack = newStack();
    const api = new RestApi(stack, 'Api', {
      name: 'shop',
      defaultCorsPreflightOptions: { allowOrigins: ['https://example.com'] },
      defaultMethodOptions: {
        authorization: AuthorizationType.COGNITO, authorizerId: 'abc123', authorizationScopes: ['pets/read'], apiKeyRequired: true,
        requestValidatorId: 'v1', requestModels: { 'application/json': Model.EMPTY },
      },
    });
    api.root.addResource('pets').addMethod('GET', new MockIntegration());
    const methods = Object.values(resourcesOf(synth(stack), 'aws_api_gateway_method'));
    const preflights = methods.filter((m) => m.http_method === 'OPTIONS');
    expect(preflights).toHaveLength(2);
    for (const m of preflights) {
      expect(m).toEqual(expect.objectContaining({ authorization: 'NONE' }));
      for (const key of ['authorizer_id', 'authorization_scopes', 'api_key_required', 'request_validator_id', 'request_models']) expect(m[key]).toBeUndefined();
    }
    expect(methods.find((m) => m.http_method === 'GET')).toEqual(expect.objectContaining({ authorization: 'COGNITO_USER_POOLS', api_key_required: true }));
  });
});

describe('3. a renamed path variable is an update in place', () => {
  const addresses = (variable: string) => {
    const stack = newStack();
    const api = new RestApi(stack, 'Api', { name: 'shop' });
    api.root.addResource('pets').addResource(variable).addMethod('GET', new MockIntegration(), open);
    const json = synth(stack);
    return {
      resources: Object.keys(resourcesOf(json, 'aws_api_gateway_resource')).sort(),
      methods: Object.keys(resourcesOf(json, 'aws_api_gateway_method')),
      parts: Object.values(resourcesOf(json, 'aws_api_gateway_resource')).map((r) => r.path_part).sort(),
    };
  };

  test.each([['{id}', '{petId}'], ['{proxy+}', '{path+}'], ['{id}', '{proxy+}']])('GIVEN %s renamed to %s THEN the Terraform addresses stay and only path_part changes', (a, b) => {
    const before = addresses(a);
    const after = addresses(b);
    expect(after.resources).toEqual(before.resources);
    expect(after.methods).toEqual(before.methods);
    expect(after.parts).toEqual(['pets', b]);
  });
});

describe('4. Terraform addresses do not follow token numbering', () => {
  test.each([
    ['a path part', (api: RestApi, v: string) => api.root.addResource(v), /new Resource\(scope, 'Items', \{ parent, pathPart \}\)/],
    ['an HTTP method', (api: RestApi, v: string) => api.root.addMethod(v, new MockIntegration()), /new Method\(scope, 'Get'/],
    ['a stage name', (api: RestApi, v: string) => { api.root.addMethod('GET', new MockIntegration(), open); api.deploy(v); }, /new Stage\(api, 'Prod'/],
  ])('GIVEN %s as a token THEN the add* method asks for a construct ID', (_what, add, message) => {
    const attempt = () => {
      const stack = newStack();
      add(new RestApi(stack, 'Api', { name: 'shop' }), new TerraformVariable(stack, 'v', { type: 'string' }).stringValue);
    };
    expect(attempt).toThrow(ValidationError);
    expect(attempt).toThrow(message);
  });

  test('GIVEN token values with construct IDs THEN an unrelated token earlier does not move any address', () => {
    const build = (extra: boolean) => {
      const stack = newStack();
      if (extra) Fn.upper('unrelated');
      const api = new RestApi(stack, 'Api', { name: 'shop' });
      const items = new Resource(api.root, 'Items', { parent: api.root, pathPart: Fn.lower('ITEMS') });
      new Method(items, 'Get', { resource: items, httpMethod: Fn.upper('get'), integration: new MockIntegration(), options: open });
      const deployment = api.deploy('prod').deployment;
      new Stage(api, 'Dev', { deployment, stageName: Fn.lower('DEV') });
      const json = synth(stack);
      return Object.entries(json.resource ?? {}).flatMap(([type, byName]) => Object.keys(byName as object).map((n) => `${type}.${n}`)).sort();
    };
    const a = build(false);
    expect(a.join(' ')).not.toMatch(/TOKEN/i);
    expect(build(true)).toEqual(a);
  });
});

describe('5. request mappings are checked against what the method declares', () => {
  const pets = () => {
    const stack = newStack();
    const api = new RestApi(stack, 'Api', { name: 'shop' });
    return { stack, item: api.root.addResource('pets').addResource('{id}') };
  };

  test('GIVEN a mapped query string the method does not declare THEN a ValidationError says what to declare', () => {
    const add = () => pets().item.addMethod('GET', new HttpIntegration('https://example.com', {
      requestParameters: { 'integration.request.querystring.q': 'method.request.querystring.q' },
    }), open);
    expect(add).toThrow(ValidationError);
    expect(add).toThrow(/Api\/Default\/pets\/\{\}\/GET\/Integration: invalid requestParameters\["integration.request.querystring.q"\] "method.request.querystring.q": .*requestParameters: \{ 'method.request.querystring.q': false \}/);
  });

  test('GIVEN a mapped path variable of the resource THEN the method declares it for the user', () => {
    const { stack, item } = pets();
    item.addMethod('GET', new HttpIntegration('https://example.com/{id}', {
      requestParameters: { 'integration.request.path.id': 'method.request.path.id' },
    }), open);
    expect(only(synth(stack), 'aws_api_gateway_method').request_parameters).toEqual({ 'method.request.path.id': true });
  });

  test('GIVEN a mapped path variable the path does not have THEN a ValidationError names the path variables', () => {
    expect(() => pets().item.addMethod('GET', new HttpIntegration('https://example.com', {
      requestParameters: { 'integration.request.path.x': 'method.request.path.petId' },
    }), open)).toThrow(/the path \/pets\/\{id\} has no variable \{petId\} \(its variables: \{id\}\)/);
  });

  test('GIVEN a declared query string THEN the mapping is accepted', () => {
    const { stack, item } = pets();
    item.addMethod('GET', new HttpIntegration('https://example.com', {
      requestParameters: { 'integration.request.querystring.q': 'method.request.multivaluequerystring.q' },
    }), { ...open, requestParameters: { 'method.request.querystring.q': false } });
    expect(only(synth(stack), 'aws_api_gateway_integration').request_parameters).toEqual({ 'integration.request.querystring.q': 'method.request.multivaluequerystring.q' });
  });
});

describe('6. API Gateway\'s own ${...} reaches it literally', () => {
  test('GIVEN ${stageVariables...} in a URI, a template and a policy variable THEN they are escaped; tokens stay references', () => {
    const stack = newStack();
    const host = new TerraformVariable(stack, 'host', { type: 'string' }).stringValue;
    const api = new RestApi(stack, 'Api', { name: 'shop', policy: '{"Statement":[{"Resource":"*/${aws:username}"}]}' });
    api.root.addMethod('GET', new HttpIntegration(`https://${host}/\${stageVariables.path}`, {
      requestTemplates: { 'application/json': '{"s": "${stageVariables.name}", "d": "%{x}"}' },
    }), open);
    const json = synth(stack);
    const integration = only(json, 'aws_api_gateway_integration');
    expect(integration.uri).toBe('https://${var.host}/$${stageVariables.path}');
    expect(integration.request_templates['application/json']).toBe('{"s": "$${stageVariables.name}", "d": "%%{x}"}');
    expect(only(json, 'aws_api_gateway_rest_api').policy).toBe('{"Statement":[{"Resource":"*/$${aws:username}"}]}');
    // The terraform CLI itself reads the synthesized strings: every resource as a stand-in with its
    // strings byte for byte, then `terraform validate` (which fails on an unescaped ${stageVariables.x}).
    const validated = validateWithTerraform(json as never);
    expect(validated.output).toMatch(/Success|valid/i);
    expect(validated.ok).toBe(true);
  });
});

describe('8. Lambda references', () => {
  const bind = (arn: (fn: LambdaFunction) => string) => {
    const stack = newStack();
    const fn = lambda(stack);
    const api = new RestApi(stack, 'Api', { name: 'shop' });
    api.root.addMethod('GET', new LambdaIntegration(arn(fn), { allowTestInvoke: false }), open);
    const json = synth(stack);
    return { uri: only(json, 'aws_api_gateway_integration').uri, functionName: only(json, 'aws_lambda_permission').function_name };
  };

  test('GIVEN fn.invokeArn THEN it is the URI as it is, and the permission names the function ARN inside it', () => {
    expect(bind((fn) => fn.invokeArn)).toEqual({
      uri: '${aws_lambda_function.Fn.invoke_arn}',
      functionName: '${element(split("/", aws_lambda_function.Fn.invoke_arn), 3)}',
    });
  });

  test('GIVEN fn.arn THEN the URI wraps it and the permission names it', () => {
    const { uri, functionName } = bind((fn) => fn.arn);
    expect(uri).toMatch(/^arn:\$\{element\(split\(":", aws_lambda_function\.Fn\.arn\), 1\)\}:apigateway:.*functions\/\$\{aws_lambda_function\.Fn\.arn\}\/invocations$/);
    expect(functionName).toBe('${aws_lambda_function.Fn.arn}');
  });

  test('GIVEN a literal invoke ARN THEN the function ARN is taken out of it', () => {
    const fnArn = 'arn:aws:lambda:eu-west-1:123456789012:function:pets';
    const invoke = `arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/${fnArn}/invocations`;
    expect(bind(() => invoke)).toEqual({ uri: invoke, functionName: fnArn });
  });

  test.each([
    ['fn.functionName', (fn: LambdaFunction) => fn.functionName, /this token is the function's function_name/],
    ['a literal name', () => 'pets', /invalid functionArn "pets": .*a function name cannot be made into the integration URI/],
  ])('GIVEN %s THEN a ValidationError asks for the ARN', (_what, arn, message) => {
    expect(() => bind(arn)).toThrow(ValidationError);
    expect(() => bind(arn)).toThrow(message);
  });
});

describe('9. CORS origins cannot break out of the template', () => {
  test.each([
    'https://x"||"1"=="1', 'https://a.com#', 'https://$x.com', 'https://a.com ', 'https://a.com/path', "https://a'.com",
  ])('GIVEN the origin %j THEN a ValidationError', (origin) => {
    const api = new RestApi(newStack(), 'Api', { name: 'shop' });
    expect(() => api.root.addCorsPreflight({ allowOrigins: ['https://ok.example', origin], allowCredentials: true })).toThrow(/invalid allowOrigins .*scheme:\/\/host\[:port\]/);
  });

  test.each(['https://example.com', 'http://localhost:3000', 'https://[::1]:8443', 'app://local'])('GIVEN the origin %j THEN it is accepted', (origin) => {
    const api = new RestApi(newStack(), 'Api', { name: 'shop' });
    expect(() => api.root.addCorsPreflight({ allowOrigins: [origin] })).not.toThrow();
  });
});

describe('10. names, types and the rest', () => {
  const fresh = () => new RestApi(newStack(), 'Api', { name: 'shop' });

  test('GIVEN path parts named like the library\'s own construct IDs THEN they work beside methods of those names', () => {
    const api = fresh();
    api.root.addMethod('GET', new MockIntegration(), open);
    api.root.addResource('GET').addMethod('GET', new MockIntegration(), open);
    api.root.addResource('Resource').addResource('OPTIONS');
    const parts = Object.values(resourcesOf(synth(api.node.scope as TerraformStack), 'aws_api_gateway_resource')).map((r) => r.path_part).sort();
    expect(parts).toEqual(['GET', 'OPTIONS', 'Resource']);
  });

  test('GIVEN WebSocket route keys chat/send and chat_send THEN both routes exist', () => {
    const stack = newStack();
    const api = new websocket.WebSocketApi(stack, 'Ws', { name: 'chat' });
    api.addRoute('chat/send');
    api.addRoute('chat_send');
    expect(Object.values(resourcesOf(synth(stack), 'aws_apigatewayv2_route')).map((r) => r.route_key).sort()).toEqual(['chat/send', 'chat_send']);
  });

  test('GIVEN $batch as a path part THEN a ValidationError, as API Gateway refuses it', () => {
    expect(() => fresh().root.addResource('$batch')).toThrow(/invalid pathPart "\$batch"/);
  });

  test.each([
    ['tags as a string', () => new RestApi(newStack(), 'Api', { name: 'x', tags: 'x' as never }), 'tags', /must be a map of strings/],
    ['endpointTypes as a string', () => new RestApi(newStack(), 'Api', { name: 'x', endpointTypes: 'REGIONAL' as never }), 'endpointTypes', /must be a list of strings/],
    ['no props', () => new RestApi(newStack(), 'Api', undefined as never), 'props', /RestApiProps/],
    ['xrayTracingEnabled as a string', () => { const a = fresh(); a.root.addMethod('GET', new MockIntegration(), open); a.deploy('prod', { xrayTracingEnabled: 'yes' as never }); }, 'xrayTracingEnabled', /true or false/],
    ['addMethodResponse() with no options', () => fresh().root.addMethod('GET', new MockIntegration(), open).addMethodResponse(undefined as never), 'options', /statusCode/],
    ['options as a string', () => fresh().root.addMethod('GET', new MockIntegration(), 'open' as never), 'options', /an object of options/],
    ['a timeout as a string', () => fresh().root.addMethod('GET', new MockIntegration({ timeoutMilliseconds: '100' as never }), open), 'timeoutMilliseconds', /a number/],
    ['a template that is a number', () => fresh().root.addMethod('GET', new MockIntegration({ requestTemplates: { 'application/json': 1 as never } }), open), 'requestTemplates["application/json"]', /a string/],
  ])('GIVEN %s THEN a ValidationError names the property', (_what, build, property, allowed) => {
    let error: unknown;
    try {
      build();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain(property);
    expect((error as Error).message).toMatch(allowed);
  });

  test('GIVEN methodOptions keyed /petsGET THEN a ValidationError; /pets/GET is accepted', () => {
    const api = fresh();
    api.root.addResource('pets').addMethod('GET', new MockIntegration(), open);
    expect(() => api.deploy('prod', { methodOptions: { '/petsGET': { metricsEnabled: true } } })).toThrow(/invalid methodOptions key "\/petsGET"/);
    expect(() => api.deploy('prod', { methodOptions: { '/pets/GET': { metricsEnabled: true } } })).not.toThrow();
  });

  test('GIVEN a 60 s timeout THEN it is refused on an EDGE API and accepted on a REGIONAL one', () => {
    const integration = () => new HttpIntegration('https://example.com', { timeoutMilliseconds: 60000 });
    expect(() => fresh().root.addMethod('GET', integration(), open)).toThrow(/more than 29000 ms only on REGIONAL and PRIVATE APIs; this API is EDGE/);
    const regional = new RestApi(newStack(), 'Api', { name: 'x', endpointTypes: [EndpointType.REGIONAL] });
    expect(() => regional.root.addMethod('GET', integration(), open)).not.toThrow();
  });

  test('GIVEN a stage variable value over 2048 characters THEN a ValidationError', () => {
    const api = fresh();
    api.root.addMethod('GET', new MockIntegration(), open);
    expect(() => api.deploy('prod', { variables: { v: 'a'.repeat(2049) } })).toThrow(/invalid variables\["v"\]/);
  });

  test('GIVEN importExisting with a resource ID of the wrong type THEN the error names the construct and property', () => {
    expect(() => fresh().importExisting({ restApiId: 'a1', resourceIds: { '/': 'r', '/pets': 5 as never } })).toThrow(/Api\/importExisting: invalid resourceIds\["\/pets"\] 5/);
  });

  test('GIVEN an addMethod that throws THEN the corrected addMethod succeeds and nothing is left of the first', () => {
    const stack = newStack();
    const api = new RestApi(stack, 'Api', { name: 'shop' });
    expect(() => api.root.addMethod('GET', new HttpIntegration('not a url'), open)).toThrow(ValidationError);
    api.root.addMethod('GET', new HttpIntegration('https://example.com'), open);
    api.deploy('prod');
    const json = synth(stack);
    expect(Object.keys(resourcesOf(json, 'aws_api_gateway_method'))).toHaveLength(1);
    expect(only(json, 'aws_api_gateway_deployment').depends_on).toHaveLength(2);
  });
});

describe('constructors reject a duplicate under the add* method\'s own ID with the add* method\'s message', () => {
  test('GIVEN a method response for 200 WHEN another is made with new MethodResponse(method, \'Response200\') THEN the same ValidationError as addMethodResponse', () => {
    const message = (make: (m: Method) => void) => {
      const api = new RestApi(newStack(), 'Api', { name: 'shop' });
      const method = api.root.addMethod('GET', new MockIntegration(), { ...open, methodResponses: [{ statusCode: '200' }] });
      try {
        make(method);
      } catch (e) {
        expect(e).toBeInstanceOf(ValidationError);
        return (e as Error).message;
      }
      return 'no error';
    };
    const viaAdd = message((m) => m.addMethodResponse({ statusCode: '200' }));
    expect(viaAdd).toMatch(/Api\/Default\/GET\/Response200: invalid statusCode "200": the method already has a method response with status code 200/);
    expect(message((m) => new MethodResponse(m, 'Response200', { method: m, statusCode: '200' }))).toBe(viaAdd);
  });

  test('GIVEN a route key in use WHEN new websocket.Route is made under the same ID THEN the same ValidationError as addRoute', () => {
    const attempt = (make: (api: websocket.WebSocketApi) => void) => {
      const api = new websocket.WebSocketApi(newStack(), 'Ws', { name: 'chat' });
      api.addRoute('send');
      expect(() => make(api)).toThrow(ValidationError);
      try { make(api); } catch (e) { return (e as Error).message; }
      return '';
    };
    expect(attempt((api) => new websocket.Route(api, 'Route_send', { api, routeKey: 'send' }))).toBe(attempt((api) => api.addRoute('send')));
  });
});
