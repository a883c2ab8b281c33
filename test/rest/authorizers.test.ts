import { AnnotationMetadataEntryType, TerraformVariable } from 'cdktf';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import {
  AuthorizationType, CognitoUserPoolsAuthorizer, ImportId, MockIntegration, RequestAuthorizer, RestApi, TokenAuthorizer, ValidationError,
} from '../../lib';
import { buildGraph, reaches } from '../support/graph';
import { newStack, only, resolve, resourcesOf, synth } from '../support/synth';

const FN = 'arn:aws:lambda:us-east-1:123456789012:function:auth';
const POOL = 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC123';
const ROLE = 'arn:aws:iam::123456789012:role/invoke-auth';

function fixture() {
  const stack = newStack();
  const api = new RestApi(stack, 'Api', { name: 'pets' });
  return { stack, api, pets: api.root.addResource('pets') };
}

const byName = (json: any, type: string, name: string) => Object.values(resourcesOf(json, type)).find((r) => r.name === name)!;
const address = (stack: any, token: string) => String(resolve(stack, token)).replace(/^\$\{(.*)\.id\}$/, '$1');

describe('TokenAuthorizer', () => {
  test('GIVEN the documented props WHEN synthesized THEN a TOKEN authorizer with its URI, header, regex and TTL', () => {
    // GIVEN
    const { stack, api } = fixture();
    // WHEN
    new TokenAuthorizer(stack, 'TokenAuth', { restApi: api, functionArn: FN, validationRegex: '^Bearer [-0-9a-zA-Z._]*$' });
    // THEN
    expect(only(synth(stack), 'aws_api_gateway_authorizer')).toEqual({
      rest_api_id: resolve(stack, api.restApiId),
      name: 'TokenAuth',
      type: 'TOKEN',
      authorizer_uri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${FN}/invocations`,
      identity_source: 'method.request.header.Authorization',
      identity_validation_expression: '^Bearer [-0-9a-zA-Z._]*$',
      authorizer_result_ttl_in_seconds: 300,
    });
  });

  test('GIVEN no role THEN a Lambda permission for API Gateway scoped to this authorizer', () => {
    const { stack, api } = fixture();
    const auth = new TokenAuthorizer(stack, 'TokenAuth', { restApi: api, functionArn: FN });
    expect(only(synth(stack), 'aws_lambda_permission')).toEqual({
      function_name: FN,
      action: 'lambda:InvokeFunction',
      principal: 'apigateway.amazonaws.com',
      source_arn: `${resolve(stack, api.executionArn)}/authorizers/${resolve(stack, auth.authorizerId)}`,
    });
  });

  test('GIVEN assumeRoleArn THEN authorizer_credentials is the role and no permission is made', () => {
    const { stack, api } = fixture();
    new TokenAuthorizer(stack, 'TokenAuth', { restApi: api, functionArn: FN, assumeRoleArn: ROLE });
    const json = synth(stack);
    expect(only(json, 'aws_api_gateway_authorizer').authorizer_credentials).toBe(ROLE);
    expect(resourcesOf(json, 'aws_lambda_permission')).toEqual({});
  });

  test('GIVEN a function token (fn.arn, fn.invokeArn) THEN the URI is built from it and the permission names the function', () => {
    const { stack, api } = fixture();
    const fn = new LambdaFunction(stack, 'Fn', { functionName: 'auth', role: ROLE, runtime: 'nodejs20.x', handler: 'index.handler', filename: 'a.zip' });
    new TokenAuthorizer(stack, 'ByArn', { restApi: api, functionArn: fn.arn });
    new TokenAuthorizer(stack, 'ByInvokeArn', { restApi: api, functionArn: fn.invokeArn });
    const json = synth(stack);
    expect(byName(json, 'aws_api_gateway_authorizer', 'ByArn').authorizer_uri).toBe(
      'arn:${element(split(":", aws_lambda_function.Fn.arn), 1)}:apigateway:${element(split(":", aws_lambda_function.Fn.arn), 3)}:lambda:path/2015-03-31/functions/${aws_lambda_function.Fn.arn}/invocations');
    expect(byName(json, 'aws_api_gateway_authorizer', 'ByInvokeArn').authorizer_uri).toBe('${aws_lambda_function.Fn.invoke_arn}');
    const permissions = Object.values(resourcesOf(json, 'aws_lambda_permission')).map((p) => p.function_name).sort();
    expect(permissions).toEqual(['${aws_lambda_function.Fn.arn}', '${element(split("/", aws_lambda_function.Fn.invoke_arn), 3)}']);
  });

  test('GIVEN another header and a TTL of 0 THEN they are used', () => {
    const { stack, api } = fixture();
    new TokenAuthorizer(stack, 'TokenAuth', { restApi: api, functionArn: FN, identitySource: 'method.request.header.X-Token', resultsCacheTtl: 0 });
    const a = only(synth(stack), 'aws_api_gateway_authorizer');
    expect(a.identity_source).toBe('method.request.header.X-Token');
    expect(a.authorizer_result_ttl_in_seconds).toBe(0);
  });

  test('GIVEN a name THEN it is used; GIVEN none THEN it is derived from the construct path below the stack', () => {
    const { stack, api } = fixture();
    new TokenAuthorizer(stack, 'Named', { restApi: api, functionArn: FN, name: 'jwt' });
    new TokenAuthorizer(api, 'Nested', { restApi: api, functionArn: FN });
    const names = Object.values(resourcesOf(synth(stack), 'aws_api_gateway_authorizer')).map((a) => a.name).sort();
    expect(names).toEqual(['Api-Nested', 'jwt']);
  });

  test('GIVEN a validation regex with ${ THEN it is escaped for Terraform', () => {
    const { stack, api } = fixture();
    new TokenAuthorizer(stack, 'TokenAuth', { restApi: api, functionArn: FN, validationRegex: '^x${1}$' });
    expect(only(synth(stack), 'aws_api_gateway_authorizer').identity_validation_expression).toBe('^x$${1}$');
  });
});

describe('RequestAuthorizer', () => {
  test('GIVEN identity sources THEN a REQUEST authorizer reading them, comma separated', () => {
    const { stack, api } = fixture();
    new RequestAuthorizer(stack, 'RequestAuth', {
      restApi: api, functionArn: FN, identitySources: ['method.request.header.X-Tenant', 'method.request.querystring.key', 'context.sourceIp', 'stageVariables.realm'],
    });
    expect(only(synth(stack), 'aws_api_gateway_authorizer')).toEqual(expect.objectContaining({
      type: 'REQUEST',
      name: 'RequestAuth',
      identity_source: 'method.request.header.X-Tenant,method.request.querystring.key,context.sourceIp,stageVariables.realm',
      authorizer_result_ttl_in_seconds: 300,
    }));
  });

  test('GIVEN no identity source and caching off THEN refused, since the provider would fill in the Authorization header', () => {
    const { stack, api } = fixture();
    expect(() => new RequestAuthorizer(stack, 'RequestAuth', { restApi: api, functionArn: FN, resultsCacheTtl: 0 }))
      .toThrow(/stack\/RequestAuth: invalid identitySources undefined: at least one identity source .*the AWS provider writes method.request.header.Authorization/);
    expect(stack.node.tryFindChild('RequestAuth')).toBeUndefined();
  });
});

describe('CognitoUserPoolsAuthorizer', () => {
  test('GIVEN user pools THEN a COGNITO_USER_POOLS authorizer with provider_arns and no permission', () => {
    const { stack, api } = fixture();
    new CognitoUserPoolsAuthorizer(stack, 'UserPool', { restApi: api, userPoolArns: [POOL] });
    const json = synth(stack);
    expect(only(json, 'aws_api_gateway_authorizer')).toEqual({
      rest_api_id: resolve(stack, api.restApiId),
      name: 'UserPool',
      type: 'COGNITO_USER_POOLS',
      provider_arns: [POOL],
      identity_source: 'method.request.header.Authorization',
      authorizer_result_ttl_in_seconds: 300,
    });
    expect(resourcesOf(json, 'aws_lambda_permission')).toEqual({});
  });
});

describe('methods with an authorizer', () => {
  test('GIVEN the three authorizers WHEN methods use them THEN authorization and authorizer_id reference them', () => {
    // GIVEN
    const { stack, api, pets } = fixture();
    const token = new TokenAuthorizer(stack, 'TokenAuth', { restApi: api, functionArn: FN });
    const request = new RequestAuthorizer(stack, 'RequestAuth', { restApi: api, functionArn: FN, identitySources: ['method.request.header.X-Tenant'] });
    const cognito = new CognitoUserPoolsAuthorizer(stack, 'UserPool', { restApi: api, userPoolArns: [POOL] });
    // WHEN
    pets.addMethod('GET', new MockIntegration(), { authorizer: token });
    pets.addMethod('PUT', new MockIntegration(), { authorizer: request });
    pets.addMethod('POST', new MockIntegration(), { authorizer: cognito, authorizationScopes: ['pets/write'] });
    // THEN
    const methods = Object.values(resourcesOf(synth(stack), 'aws_api_gateway_method'));
    const by = (m: string) => methods.find((x) => x.http_method === m)!;
    expect(by('GET')).toEqual(expect.objectContaining({ authorization: 'CUSTOM', authorizer_id: resolve(stack, token.authorizerId) }));
    expect(by('PUT')).toEqual(expect.objectContaining({ authorization: 'CUSTOM', authorizer_id: resolve(stack, request.authorizerId) }));
    expect(by('POST')).toEqual(expect.objectContaining({
      authorization: 'COGNITO_USER_POOLS', authorizer_id: resolve(stack, cognito.authorizerId), authorization_scopes: ['pets/write'],
    }));
    expect(token.authorizationType).toBe(AuthorizationType.CUSTOM);
    expect(cognito.authorizationType).toBe(AuthorizationType.COGNITO);
  });

  test('GIVEN an authorizer WHEN its method and deployment are synthesized THEN method → authorizer by reference, deployment after the authorizer, no cycle', () => {
    const { stack, api, pets } = fixture();
    const token = new TokenAuthorizer(stack, 'TokenAuth', { restApi: api, functionArn: FN });
    pets.addMethod('GET', new MockIntegration(), { authorizer: token });
    api.deploy('prod');
    const json = synth(stack) as any;
    const graph = buildGraph(json);
    const authorizer = address(stack, token.authorizerId);
    const [method] = Object.keys(json.resource.aws_api_gateway_method).map((n) => `aws_api_gateway_method.${n}`);
    const [deployment] = Object.keys(json.resource.aws_api_gateway_deployment).map((n) => `aws_api_gateway_deployment.${n}`);
    const [permission] = Object.keys(json.resource.aws_lambda_permission).map((n) => `aws_lambda_permission.${n}`);
    expect(graph.get(method)!.dependsOn.has(authorizer)).toBe(true);
    expect(json.resource.aws_api_gateway_method[method.split('.')[1]].depends_on).toBeUndefined();
    expect(reaches(graph, authorizer, deployment)).toBe(true);
    expect(reaches(graph, authorizer, permission)).toBe(true);
    expect(reaches(graph, permission, deployment)).toBe(false);
  });

  test('GIVEN an authorizer whose configuration changes THEN the deployment trigger changes; an unchanged one keeps it', () => {
    const trigger = (ttl: number, regex = '^Bearer .*$') => {
      const { stack, api, pets } = fixture();
      const token = new TokenAuthorizer(stack, 'TokenAuth', { restApi: api, functionArn: FN, resultsCacheTtl: ttl, validationRegex: regex });
      pets.addMethod('GET', new MockIntegration(), { authorizer: token });
      api.deploy('prod');
      return only(synth(stack), 'aws_api_gateway_deployment').triggers.redeployment as string;
    };
    expect(trigger(300)).toBe(trigger(300));
    expect(trigger(60)).not.toBe(trigger(300));
    expect(trigger(300, '^Token .*$')).not.toBe(trigger(300));
  });

  test('GIVEN an authorizer whose function comes from a variable THEN the trigger folds the variable in', () => {
    const { stack, api, pets } = fixture();
    const fn = new TerraformVariable(stack, 'auth_fn', { type: 'string' });
    const token = new TokenAuthorizer(stack, 'TokenAuth', { restApi: api, functionArn: fn.stringValue });
    pets.addMethod('GET', new MockIntegration(), { authorizer: token });
    api.deploy('prod');
    expect(only(synth(stack), 'aws_api_gateway_deployment').triggers.redeployment).toMatch(/^\$\{sha256\(jsonencode\(\["[0-9a-f]{64}", var\.auth_fn\]\)\)\}$/);
  });

  test('GIVEN authorizerId strings THEN they keep working for authorizers made elsewhere', () => {
    const { stack, pets } = fixture();
    pets.addMethod('GET', new MockIntegration(), { authorization: AuthorizationType.CUSTOM, authorizerId: 'abc123' });
    pets.addMethod('PUT', new MockIntegration(), { authorizer: { authorizerId: 'def456', authorizationType: AuthorizationType.CUSTOM } });
    pets.addMethod('POST', new MockIntegration(), { authorizer: { authorizerId: 'ghi789', authorizationType: AuthorizationType.COGNITO }, authorizationScopes: ['s'] });
    const methods = Object.values(resourcesOf(synth(stack), 'aws_api_gateway_method'));
    expect(methods.map((m) => [m.http_method, m.authorization, m.authorizer_id]).sort()).toEqual([
      ['GET', 'CUSTOM', 'abc123'], ['POST', 'COGNITO_USER_POOLS', 'ghi789'], ['PUT', 'CUSTOM', 'def456'],
    ]);
  });

  test('GIVEN an authorizer THEN the method is not warned about as open', () => {
    const { stack, api, pets } = fixture();
    pets.addMethod('GET', new MockIntegration(), { authorizer: new TokenAuthorizer(stack, 'T', { restApi: api, functionArn: FN }) });
    const warnings = stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN));
    expect(warnings).toEqual([]);
  });
});

describe('defaultMethodOptions with an authorizer', () => {
  test('GIVEN a resource with an authorizer by default THEN its subtree is protected, its own authorization opens a method, CORS preflights stay open', () => {
    // GIVEN
    const { stack, api } = fixture();
    const token = new TokenAuthorizer(stack, 'TokenAuth', { restApi: api, functionArn: FN });
    const cognito = new CognitoUserPoolsAuthorizer(stack, 'UserPool', { restApi: api, userPoolArns: [POOL] });
    const admin = api.root.addResource('admin', {
      defaultMethodOptions: { authorizer: token },
      defaultCorsPreflightOptions: { allowOrigins: ['https://example.com'] },
    });
    // WHEN
    admin.addMethod('GET', new MockIntegration());
    admin.addResource('users').addMethod('GET', new MockIntegration());
    admin.addResource('health').addMethod('GET', new MockIntegration(), { authorization: AuthorizationType.NONE });
    admin.addResource('pools').addMethod('GET', new MockIntegration(), { authorizer: cognito, authorizationScopes: ['admin'] });
    // THEN
    const json = synth(stack);
    const rows = Object.values(resourcesOf(json, 'aws_api_gateway_method'))
      .map((m) => [m.http_method, m.authorization, m.authorizer_id ?? null, m.authorization_scopes ?? null]);
    const t = resolve(stack, token.authorizerId);
    const c = resolve(stack, cognito.authorizerId);
    expect(rows).toEqual(expect.arrayContaining([
      ['GET', 'CUSTOM', t, null],
      ['GET', 'NONE', null, null],
      ['GET', 'COGNITO_USER_POOLS', c, ['admin']],
    ]));
    expect(rows.filter((r) => r[0] === 'GET' && r[2] === t)).toHaveLength(2);
    const options = rows.filter((r) => r[0] === 'OPTIONS');
    expect(options.length).toBe(4);
    expect(options.every((r) => r[1] === 'NONE' && r[2] === null)).toBe(true);
  });

  test('GIVEN an inherited authorizer in one form WHEN a method names one in the other THEN the method\'s own wins', () => {
    const { stack, api } = fixture();
    const token = new TokenAuthorizer(stack, 'TokenAuth', { restApi: api, functionArn: FN });
    const cognito = new CognitoUserPoolsAuthorizer(stack, 'UserPool', { restApi: api, userPoolArns: [POOL] });
    const byObject = api.root.addResource('a', { defaultMethodOptions: { authorizer: cognito, authorizationScopes: ['s'] } });
    const byId = api.root.addResource('b', { defaultMethodOptions: { authorization: AuthorizationType.CUSTOM, authorizerId: 'ext123' } });
    byObject.addMethod('GET', new MockIntegration(), { authorizerId: 'ext456', authorization: AuthorizationType.CUSTOM });
    byObject.addMethod('PUT', new MockIntegration(), { authorizer: token });
    byObject.addMethod('POST', new MockIntegration());
    byId.addMethod('GET', new MockIntegration(), { authorizer: token });
    byId.addMethod('PUT', new MockIntegration(), { authorizerId: 'ext789' });
    const rows = Object.values(resourcesOf(synth(stack), 'aws_api_gateway_method'))
      .map((m) => [m.http_method, m.authorization, m.authorizer_id, m.authorization_scopes ?? null]);
    const t = resolve(stack, token.authorizerId);
    expect(rows).toHaveLength(5);
    expect(rows).toEqual(expect.arrayContaining([
      ['GET', 'CUSTOM', 'ext456', null],
      ['PUT', 'CUSTOM', t, null],
      ['POST', 'COGNITO_USER_POOLS', resolve(stack, cognito.authorizerId), ['s']],
      ['GET', 'CUSTOM', t, null],
      ['PUT', 'CUSTOM', 'ext789', null],
    ]));
  });

  test('GIVEN an authorizer made without restApi in RestApiProps.defaultMethodOptions THEN it joins the API on first use and protects every method', () => {
    const stack = newStack();
    const token = new TokenAuthorizer(stack, 'TokenAuth', { functionArn: FN });
    expect(token.restApi).toBeUndefined();
    const api = new RestApi(stack, 'Api', { name: 'pets', defaultMethodOptions: { authorizer: token } });
    api.root.addMethod('GET', new MockIntegration());
    api.root.addResource('pets').addMethod('GET', new MockIntegration());
    api.deploy('prod');
    const json = synth(stack);
    expect(token.restApi).toBe(api);
    expect(only(json, 'aws_api_gateway_authorizer').rest_api_id).toBe(resolve(stack, api.restApiId));
    expect(Object.values(resourcesOf(json, 'aws_api_gateway_method')).map((m) => m.authorizer_id)).toEqual([
      resolve(stack, token.authorizerId), resolve(stack, token.authorizerId),
    ]);
    expect(only(json, 'aws_lambda_permission').source_arn).toBe(`${resolve(stack, api.executionArn)}/authorizers/${resolve(stack, token.authorizerId)}`);
  });

  test('GIVEN an authorizer without restApi that no method uses THEN synthesis fails naming it', () => {
    const stack = newStack();
    new TokenAuthorizer(stack, 'Lonely', { functionArn: FN });
    expect(() => synth(stack)).toThrow(/stack\/Lonely: the authorizer belongs to no REST API/);
  });

  test('GIVEN an authorizer without restApi THEN reading its ID before use is a ValidationError', () => {
    const stack = newStack();
    const token = new TokenAuthorizer(stack, 'Early', { functionArn: FN });
    expect(() => token.authorizerId).toThrow(ValidationError);
    expect(() => token.authorizerId).toThrow(/stack\/Early: the authorizer belongs to no REST API yet/);
  });
});

describe('bad input', () => {
  type Row = [string, (f: ReturnType<typeof fixture>) => unknown, string, string, string, RegExp];
  const rows: Row[] = [
    ['identity source outside the request', (f) => new RequestAuthorizer(f.stack, 'A', { restApi: f.api, functionArn: FN, identitySources: ['method.response.header.X'] }),
      'stack/A', 'identitySources', '"method.response.header.X"', /method\.request\.header\.\{name\}.*stageVariables\.\{name\} or context\.\{name\}/],
    ['identity source in the path', (f) => new RequestAuthorizer(f.stack, 'A', { restApi: f.api, functionArn: FN, identitySources: ['method.request.path.id'] }),
      'stack/A', 'identitySources', '"method.request.path.id"', /identity sources are/],
    ['identity source listed twice', (f) => new RequestAuthorizer(f.stack, 'A', { restApi: f.api, functionArn: FN, identitySources: ['context.a', 'context.a'] }),
      'stack/A', 'identitySources', '"context.a"', /listed once/],
    ['TOKEN source not a header', (f) => new TokenAuthorizer(f.stack, 'A', { restApi: f.api, functionArn: FN, identitySource: 'method.request.querystring.token' }),
      'stack/A', 'identitySource', '"method.request.querystring.token"', /exactly one header/],
    ['TOKEN source of two headers', (f) => new TokenAuthorizer(f.stack, 'A', { restApi: f.api, functionArn: FN, identitySource: 'method.request.header.A,method.request.header.B' }),
      'stack/A', 'identitySource', '"method.request.header.A,method.request.header.B"', /exactly one header/],
    ['TTL above 3600', (f) => new TokenAuthorizer(f.stack, 'A', { restApi: f.api, functionArn: FN, resultsCacheTtl: 3601 }),
      'stack/A', 'resultsCacheTtl', '3601', /whole number from 0 to 3600/],
    ['negative TTL', (f) => new RequestAuthorizer(f.stack, 'A', { restApi: f.api, functionArn: FN, resultsCacheTtl: -1, identitySources: ['context.a'] }),
      'stack/A', 'resultsCacheTtl', '-1', /whole number from 0 to 3600/],
    ['fractional TTL', (f) => new CognitoUserPoolsAuthorizer(f.stack, 'A', { restApi: f.api, userPoolArns: [POOL], resultsCacheTtl: 1.5 }),
      'stack/A', 'resultsCacheTtl', '1.5', /whole number/],
    ['validation regex Java would not compile', (f) => new TokenAuthorizer(f.stack, 'A', { restApi: f.api, functionArn: FN, validationRegex: '^Bearer (.*$' }),
      'stack/A', 'validationRegex', '"^Bearer (.*$"', /not a Java regular expression/],
    ['no user pool', (f) => new CognitoUserPoolsAuthorizer(f.stack, 'A', { restApi: f.api, userPoolArns: [] }),
      'stack/A', 'userPoolArns', '[]', /at least one user pool ARN/],
    ['not a user pool ARN', (f) => new CognitoUserPoolsAuthorizer(f.stack, 'A', { restApi: f.api, userPoolArns: ['arn:aws:cognito-identity:us-east-1:123456789012:identitypool/x'] }),
      'stack/A', 'userPoolArns', '"arn:aws:cognito-identity:us-east-1:123456789012:identitypool/x"', /Cognito user pool ARN/],
    ['user pool ID of another region', (f) => new CognitoUserPoolsAuthorizer(f.stack, 'A', { restApi: f.api, userPoolArns: ['arn:aws:cognito-idp:us-east-1:123456789012:userpool/eu-west-1_abc'] }),
      'stack/A', 'userPoolArns', 'eu-west-1_abc', /Cognito user pool ARN/],
    ['function name instead of ARN', (f) => new TokenAuthorizer(f.stack, 'A', { restApi: f.api, functionArn: 'auth' }),
      'stack/A', 'functionArn', '"auth"', /cannot be made into the authorizer URI/],
    ['role that is not an IAM role ARN', (f) => new TokenAuthorizer(f.stack, 'A', { restApi: f.api, functionArn: FN, assumeRoleArn: 'invoke-auth' }),
      'stack/A', 'assumeRoleArn', '"invoke-auth"', /IAM role ARN/],
    ['REQUEST with caching and no identity source', (f) => new RequestAuthorizer(f.stack, 'A', { restApi: f.api, functionArn: FN }),
      'stack/A', 'identitySources', 'undefined', /caches its answers \(resultsCacheTtl 300\) needs at least one identity source/],
    ['REQUEST with caching and an empty list', (f) => new RequestAuthorizer(f.stack, 'A', { restApi: f.api, functionArn: FN, identitySources: [], resultsCacheTtl: 60 }),
      'stack/A', 'identitySources', '[]', /needs at least one identity source/],
    ['two authorizers with one name', (f) => {
      new TokenAuthorizer(f.stack, 'A', { restApi: f.api, functionArn: FN, name: 'auth' });
      new CognitoUserPoolsAuthorizer(f.stack, 'B', { restApi: f.api, userPoolArns: [POOL], name: 'auth' });
    }, 'stack/B', 'name', '"auth"', /has the authorizer stack\/A with this name already/],
    ['two authorizers with one name, joined on first use', (f) => {
      new TokenAuthorizer(f.stack, 'A', { restApi: f.api, functionArn: FN, name: 'auth' });
      f.pets.addMethod('GET', new MockIntegration(), { authorizer: new TokenAuthorizer(f.stack, 'B', { functionArn: FN, name: 'auth' }) });
    }, 'stack/B', 'name', '"auth"', /unique within an API/],
    ['authorizer of another API', (f) => {
      const other = new RestApi(f.stack, 'Other', { name: 'other' });
      f.pets.addMethod('GET', new MockIntegration(), { authorizer: new TokenAuthorizer(f.stack, 'A', { restApi: other, functionArn: FN }) });
    }, 'stack/Api/Default/pets/GET', 'authorizer', '"stack/A"', /belongs to the REST API stack\/Other, not stack\/Api/],
    ['authorizer joined to another API on first use', (f) => {
      const other = new RestApi(f.stack, 'Other', { name: 'other' });
      const auth = new TokenAuthorizer(f.stack, 'A', { functionArn: FN });
      other.root.addMethod('GET', new MockIntegration(), { authorizer: auth });
      f.pets.addMethod('GET', new MockIntegration(), { authorizer: auth });
    }, 'stack/Api/Default/pets/GET', 'authorizer', '"stack/A"', /only use an authorizer of its own API/],
    ['scopes with a Lambda authorizer', (f) => f.pets.addMethod('GET', new MockIntegration(), {
      authorizer: new TokenAuthorizer(f.stack, 'A', { restApi: f.api, functionArn: FN }), authorizationScopes: ['pets/read'],
    }), 'stack/Api/Default/pets/GET', 'authorizationScopes', '["pets/read"]', /COGNITO_USER_POOLS authorization \(a CognitoUserPoolsAuthorizer\), not CUSTOM/],
    ['scopes without an authorizer', (f) => f.pets.addMethod('GET', new MockIntegration(), { authorizationScopes: ['pets/read'] }),
      'stack/Api/Default/pets/GET', 'authorizationScopes', '["pets/read"]', /not NONE/],
    ['authorizer with a contradicting authorization', (f) => f.pets.addMethod('GET', new MockIntegration(), {
      authorizer: new TokenAuthorizer(f.stack, 'A', { restApi: f.api, functionArn: FN }), authorization: AuthorizationType.IAM,
    }), 'stack/Api/Default/pets/GET', 'authorization', '"AWS_IAM"', /the authorizer makes the method CUSTOM/],
    ['authorizer and authorizerId', (f) => f.pets.addMethod('GET', new MockIntegration(), {
      authorizer: new TokenAuthorizer(f.stack, 'A', { restApi: f.api, functionArn: FN }), authorizerId: 'abc',
    }), 'stack/Api/Default/pets/GET', 'authorizerId', '"abc"', /either authorizer or authorizerId/],
    ['authorizer that is not one', (f) => f.pets.addMethod('GET', new MockIntegration(), { authorizer: 'abc' as any }),
      'stack/Api/Default/pets/GET', 'authorizer', '"abc"', /must be an object/],
    ['empty authorizer name', (f) => new TokenAuthorizer(f.stack, 'A', { restApi: f.api, functionArn: FN, name: '' }),
      'stack/A', 'name', '""', /is required/],
    ['import ID of an authorizer with three segments', () => ImportId.parseAuthorizer('a/b/c'),
      'ImportId.parseAuthorizer', 'import ID', '"a/b/c"', /REST-API-ID\/AUTHORIZER-ID/],
  ];

  test.each(rows)('%s', (_d, act, where, property, value, allowed) => {
    const f = fixture();
    let error: unknown;
    try {
      act(f);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const message = (error as Error).message;
    expect(message).toContain(`${where}:`);
    expect(message).toContain(property);
    expect(message).toContain(value);
    expect(message).toMatch(allowed);
  });

  test('GIVEN a refused authorizer THEN nothing is left behind and the ID can be used again', () => {
    const { stack, api } = fixture();
    expect(() => new TokenAuthorizer(stack, 'A', { restApi: api, functionArn: FN, resultsCacheTtl: 9999 })).toThrow(ValidationError);
    new TokenAuthorizer(stack, 'A', { restApi: api, functionArn: FN });
    expect(Object.keys(resourcesOf(synth(stack), 'aws_api_gateway_authorizer'))).toHaveLength(1);
  });

  test('GIVEN a method refused after its authorizer joined the API on first use THEN the authorizer is free again', () => {
    const { stack, api, pets } = fixture();
    const auth = new TokenAuthorizer(stack, 'A', { functionArn: FN });
    expect(() => pets.addMethod('GET', { bind: () => { throw new ValidationError('x', 'refused'); } } as any, { authorizer: auth })).toThrow(/refused/);
    expect(auth.restApi).toBeUndefined();
    const other = new RestApi(stack, 'Other', { name: 'other' });
    other.root.addMethod('GET', new MockIntegration(), { authorizer: auth });
    expect(auth.restApi).toBe(other);
    void api;
  });

  test('GIVEN a token for the TTL, identity sources or user pools THEN nothing is rejected', () => {
    const { stack, api } = fixture();
    const v = new TerraformVariable(stack, 'v', { type: 'number' });
    const list = new TerraformVariable(stack, 'l', { type: 'list(string)' });
    new RequestAuthorizer(stack, 'R', { restApi: api, functionArn: FN, resultsCacheTtl: v.numberValue, identitySources: list.listValue });
    new CognitoUserPoolsAuthorizer(stack, 'C', { restApi: api, userPoolArns: list.listValue });
    const json = synth(stack);
    expect(byName(json, 'aws_api_gateway_authorizer', 'R').identity_source).toBe('${join(",", var.l)}');
  });
});

describe('import', () => {
  test('GIVEN ImportId.authorizer THEN REST-API-ID/AUTHORIZER-ID and its parse twin', () => {
    expect(ImportId.authorizer('api123', 'auth45')).toBe('api123/auth45');
    expect(ImportId.parseAuthorizer('api123/auth45')).toEqual({ restApiId: 'api123', authorizerId: 'auth45' });
    expect(() => ImportId.authorizer('api123', '')).toThrow(/AUTHORIZER-ID is empty/);
  });

  test('GIVEN importExisting with authorizerIds by name THEN each authorizer gets its import block', () => {
    const { stack, api, pets } = fixture();
    const token = new TokenAuthorizer(stack, 'TokenAuth', { restApi: api, functionArn: FN });
    new CognitoUserPoolsAuthorizer(stack, 'Pools', { restApi: api, userPoolArns: [POOL], name: 'cognito' });
    pets.addMethod('GET', new MockIntegration(), { authorizer: token });
    api.importExisting({ restApiId: 'a1', resourceIds: { '/': 'r0', '/pets': 'r1' }, authorizerIds: { TokenAuth: 'tok1', cognito: 'cog1' } });
    const json = synth(stack) as any;
    const authorizerImports = json.import.filter((i: any) => i.to.startsWith('aws_api_gateway_authorizer.')).map((i: any) => i.id).sort();
    expect(authorizerImports).toEqual(['a1/cog1', 'a1/tok1']);
  });

  test('GIVEN importExisting without the ID of an authorizer THEN synthesis fails naming the authorizer and its name', () => {
    const { stack, api } = fixture();
    api.root.addMethod('GET', new MockIntegration(), { authorizer: new TokenAuthorizer(stack, 'TokenAuth', { restApi: api, functionArn: FN }) });
    api.importExisting({ restApiId: 'a1', resourceIds: { '/': 'r0', '/pets': 'r1' } });
    expect(() => synth(stack)).toThrow(/stack\/TokenAuth: importExisting authorizerIds has no ID for the authorizer named "TokenAuth"; add 'TokenAuth': '<authorizer-id>'/);
  });

  test('GIVEN authorizerIds naming no authorizer THEN a warning; GIVEN a bad ID THEN a ValidationError', () => {
    const { stack, api } = fixture();
    api.root.addMethod('GET', new MockIntegration(), { authorization: AuthorizationType.NONE });
    expect(() => api.importExisting({ restApiId: 'a1', resourceIds: { '/': 'r0', '/pets': 'r1' }, authorizerIds: { x: 'a/b' } })).toThrow(/authorizerIds\["x"\] "a\/b"/);
    api.importExisting({ restApiId: 'a1', resourceIds: { '/': 'r0', '/pets': 'r1' }, authorizerIds: { ghost: 'g1' } });
    synth(stack);
    const warnings = api.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.WARN).map((m) => String(m.data));
    expect(warnings).toEqual([expect.stringMatching(/authorizerIds names "ghost" \(g1\), but the API has no authorizer of that name/)]);
  });

  test('GIVEN importFrom on an authorizer THEN its import block', () => {
    const { stack, api } = fixture();
    const auth = new TokenAuthorizer(stack, 'TokenAuth', { restApi: api, functionArn: FN });
    auth.importFrom(ImportId.authorizer('a1', 'tok1'));
    expect((synth(stack) as any).import).toEqual([{ id: 'a1/tok1', to: address(stack, auth.authorizerId) }]);
  });
});
