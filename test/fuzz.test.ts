/**
 * Property-based fuzzing of the REST chain: generated prop sets, valid and invalid, built in
 * both forms. Whatever the input, the library either throws its own validation error or
 * synthesizes JSON whose ordering satisfies every rule of the chain.
 */
import * as fc from 'fast-check';
import {
  AuthorizationType, ContentHandling, IntegrationBackend, IntegrationType, PassthroughBehavior, RestApi, ValidationError,
} from '../lib';
import { orderingProblems } from './support/graph';
import { newStack, synth } from './support/synth';

const oneOf = <T>(...values: T[]) => fc.constantFrom(...values);
/** Valid values most of the time, so that enough generated APIs get through to synth. */
const mostly = <T>(valid: T[], invalid: T[]) =>
  fc.oneof({ arbitrary: fc.constantFrom(...valid), weight: 19 }, { arbitrary: fc.constantFrom(...invalid), weight: 1 });
const pathPart = mostly(['pets', 'items', '{id}', '{proxy+}', 'v1', 'a.b', 'x:y', '$z', 'ok-1'], ['a b', '', 'a/b', '{x']);
const httpMethod = mostly(['GET', 'post', 'PUT', 'DELETE', 'ANY', 'OPTIONS', 'PATCH', 'HEAD'], ['FETCH', '', 'get ']);
const statusCode = mostly(['200', '201', '204', '301', '400', '404', '500', '503'], ['99', '600', 'abc', '2000']);
const selectionPattern = fc.option(mostly(['4\\d{2}', '.*error.*', '5\\d\\d', '200', '.*"status":404.*'], ['', '(', '[a-', 'a\nb']), { nil: undefined, freq: 2 });
const header = mostly(['X-Id', 'Location', 'Content-Type'], ['bad header']);
const source = mostly(['integration.response.header.id', 'integration.response.body', 'integration.response.body.data.id',
  "'static'", 'context.requestId', 'stageVariables.v'], ['method.request.header.X', 'static', "'open"]);
const authorization = mostly([AuthorizationType.NONE, AuthorizationType.IAM, undefined], [AuthorizationType.CUSTOM, AuthorizationType.COGNITO, 'OAUTH' as AuthorizationType]);
const integrationType = mostly([IntegrationType.MOCK, IntegrationType.HTTP, IntegrationType.HTTP_PROXY, IntegrationType.AWS], ['GRPC' as IntegrationType]);

const response = fc.record({
  statusCode,
  selectionPattern,
  mapHeader: fc.option(fc.tuple(header, source), { nil: undefined }),
  declareHeader: mostly([true], [false]),
  template: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
  contentHandling: mostly([undefined, ContentHandling.CONVERT_TO_TEXT, ContentHandling.CONVERT_TO_BINARY], ['CONVERT' as ContentHandling]),
  withMethodResponse: mostly([true], [false]),
});

const route = fc.record({
  path: fc.array(pathPart, { minLength: 0, maxLength: 3 }),
  httpMethod,
  authorization,
  authorizerId: mostly([undefined], ['auth1', '']),
  integration: fc.option(fc.record({
    type: integrationType,
    badUri: mostly([false], [true]),
    integrationHttpMethod: mostly(['GET', 'POST'], [undefined, 'FETCH']),
    timeout: fc.option(fc.oneof({ arbitrary: fc.integer({ min: 50, max: 29000 }), weight: 9 }, fc.integer({ min: 0, max: 400000 })), { nil: undefined }),
    passthrough: mostly([undefined, PassthroughBehavior.NEVER], ['ALWAYS' as PassthroughBehavior]),
  }), { nil: undefined, freq: 8 }),
  responses: fc.array(response, { maxLength: 4 }),
});

const apiSpec = fc.record({
  form: oneOf('options', 'chain'),
  routes: fc.array(route, { minLength: 1, maxLength: 3 }),
  deploy: fc.boolean(),
});

type Spec = typeof apiSpec extends fc.Arbitrary<infer T> ? T : never;

function build(spec: Spec) {
  const stack = newStack();
  const api = new RestApi(stack, 'Api', { name: 'fuzz' });
  for (const r of spec.routes) {
    const resource = api.root.resourceForPath(r.path.join('/'));
    const methodResponses = r.responses.filter((x) => x.withMethodResponse).map((x) => ({
      statusCode: x.statusCode,
      responseParameters: x.mapHeader && x.declareHeader ? { [`method.response.header.${x.mapHeader[0]}`]: true } : undefined,
    }));
    const integrationResponses = r.responses.map((x) => ({
      statusCode: x.statusCode,
      selectionPattern: x.selectionPattern,
      responseParameters: x.mapHeader ? { [`method.response.header.${x.mapHeader[0]}`]: x.mapHeader[1] } : undefined,
      responseTemplates: x.template === undefined ? undefined : { 'application/json': x.template },
      contentHandling: x.contentHandling,
    }));
    const backend = (withResponses: boolean) => {
      const i = r.integration!;
      const http = i.type === IntegrationType.HTTP || i.type === IntegrationType.HTTP_PROXY;
      const goodUri = http ? 'https://example.com/x' : 'arn:aws:apigateway:us-east-1:sqs:path/1/q';
      return new IntegrationBackend({
        type: i.type,
        uri: i.type === IntegrationType.MOCK && !i.badUri ? undefined : i.badUri ? 'ftp://x' : goodUri,
        integrationHttpMethod: i.type === IntegrationType.MOCK ? undefined : i.integrationHttpMethod,
        options: {
          timeoutMilliseconds: i.timeout,
          passthroughBehavior: i.passthrough,
          integrationResponses: withResponses ? integrationResponses : undefined,
        },
      });
    };
    const options = { authorization: r.authorization, authorizerId: r.authorizerId };
    if (spec.form === 'options') {
      resource.addMethod(r.httpMethod, r.integration && backend(true), { ...options, methodResponses });
    } else {
      const method = resource.addMethod(r.httpMethod, undefined, options);
      if (r.integration) {
        const integration = method.addIntegration(backend(false));
        integrationResponses.forEach((x) => integration.addResponse(x));
      }
      methodResponses.forEach((x) => method.addMethodResponse(x));
    }
  }
  if (spec.deploy) api.deploy('prod');
  return stack;
}

/** A synth-time validation failure whose every line comes from a construct of the API. */
function isOwnValidationFailure(error: Error): boolean {
  if (!error.message.startsWith('Validation failed with the following errors:')) return false;
  const lines = error.message.split('\n').filter((l) => /^\s+\[/.test(l));
  return lines.length > 0 && lines.every((l) => /^\s+\[stack\/Api[/\]]/.test(l));
}

test('10,000 generated REST APIs: only the library\'s validation errors, and every accepted API is ordered right', () => {
  let accepted = 0;
  let rejected = 0;
  fc.assert(fc.property(apiSpec, (spec) => {
    let json;
    try {
      json = synth(build(spec));
    } catch (e) {
      if (e instanceof ValidationError || (e instanceof Error && isOwnValidationFailure(e))) {
        rejected++;
        return true;
      }
      throw e;
    }
    accepted++;
    const problems = orderingProblems(json);
    if (problems.length) throw new Error(`ordering problems: ${problems.join('; ')}`);
    return true;
  }), { numRuns: 10_000, seed: 20261122 });
  // The generator must exercise both outcomes, or the property says little.
  expect(accepted).toBeGreaterThan(500);
  expect(rejected).toBeGreaterThan(500);
}, 900_000);
