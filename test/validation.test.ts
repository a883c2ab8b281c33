/**
 * The negative suite: one row per bad input. Each must fail with a ValidationError (or, for
 * checks that need the whole tree, a synth error) whose message names the construct path, the
 * property, the value received and what is allowed.
 */
import { TerraformStack } from 'cdktf';
import {
  AccessLogFormat, ApiKey, ApiKeySourceType, AuthorizationType, AwsIntegration, ConnectionType, ContentHandling, DomainName, EndpointType, HttpIntegration,
  ImportId, IntegrationBackend, IntegrationType, LambdaIntegration, MethodLoggingLevel, MockIntegration, Model, PassthroughBehavior, Period, ResponseType,
  RestApi, UsagePlan, ValidationError, websocket,
} from '../lib';
import { newStack, synth } from './support/synth';

const CERT = 'arn:aws:acm:us-east-1:123456789012:certificate/abc';

interface Fixture {
  stack: TerraformStack;
  api: RestApi;
  get: ReturnType<RestApi['root']['addMethod']>;
}

function fixture(): Fixture {
  const stack = newStack();
  const api = new RestApi(stack, 'Api', { name: 'shop' });
  const get = api.root.addResource('items').addMethod('GET', new MockIntegration(), { authorization: AuthorizationType.NONE });
  return { stack, api, get };
}

const open = { authorization: AuthorizationType.NONE };
const http = (props: object) => new IntegrationBackend({ type: IntegrationType.HTTP, uri: 'https://example.com', integrationHttpMethod: 'GET', ...props });
const mock = (options: object) => new MockIntegration(options);

type Row = [description: string, act: (f: Fixture) => unknown, where: string, property: string, value: string, allowed: RegExp];

const ROWS: Row[] = [
  // RestApi
  ['empty API name', (f) => new RestApi(f.stack, 'X', { name: '' }), 'stack/X', 'name', '""', /is required/],
  ['blank API name', (f) => new RestApi(f.stack, 'X', { name: '   ' }), 'stack/X', 'name', '"   "', /is required/],
  ['API name over 1024 characters', (f) => new RestApi(f.stack, 'X', { name: 'n'.repeat(1025) }), 'stack/X', 'name', '"nnnn', /at most 1024/],
  ['two endpoint types', (f) => new RestApi(f.stack, 'X', { name: 'a', endpointTypes: [EndpointType.EDGE, EndpointType.PRIVATE] }), 'stack/X', 'endpointTypes', '["EDGE","PRIVATE"]', /exactly one endpoint type/],
  ['no endpoint type', (f) => new RestApi(f.stack, 'X', { name: 'a', endpointTypes: [] }), 'stack/X', 'endpointTypes', '[]', /exactly one endpoint type/],
  ['unknown endpoint type', (f) => new RestApi(f.stack, 'X', { name: 'a', endpointTypes: ['LOCAL' as EndpointType] }), 'stack/X', 'endpointTypes[0]', '"LOCAL"', /EDGE, REGIONAL, PRIVATE/],
  ['negative compression size', (f) => new RestApi(f.stack, 'X', { name: 'a', minimumCompressionSize: -1 }), 'stack/X', 'minimumCompressionSize', '-1', /0 to 10485760/],
  ['fractional compression size', (f) => new RestApi(f.stack, 'X', { name: 'a', minimumCompressionSize: 1.5 }), 'stack/X', 'minimumCompressionSize', '1.5', /whole number/],
  ['unknown API key source', (f) => new RestApi(f.stack, 'X', { name: 'a', apiKeySource: 'QUERY' as ApiKeySourceType }), 'stack/X', 'apiKeySource', '"QUERY"', /HEADER, AUTHORIZER/],
  ['policy that is a JSON array', (f) => new RestApi(f.stack, 'X', { name: 'a', policy: '[]' }), 'stack/X', 'policy', '"[]"', /JSON object/],
  ['binary media type without subtype', (f) => new RestApi(f.stack, 'X', { name: 'a', binaryMediaTypes: ['image'] }), 'stack/X', 'binaryMediaTypes key', '"image"', /image\/png/],
  ['tag key over 128 characters', (f) => new RestApi(f.stack, 'X', { name: 'a', tags: { ['k'.repeat(129)]: 'v' } }), 'stack/X', 'tags key', '"kkkk', /1 to 128 characters/],
  ['tag value over 256 characters', (f) => new RestApi(f.stack, 'X', { name: 'a', tags: { k: 'v'.repeat(257) } }), 'stack/X', 'tags["k"]', '"vvvv', /at most 256/],
  // Resource
  ['path part with a slash', (f) => f.api.root.addResource('a/b'), 'stack/Api/Default/a/b', 'pathPart', '"a/b"', /letters, digits/],
  ['path part with a question mark', (f) => f.api.root.addResource('items?'), 'stack/Api/Default/items?', 'pathPart', '"items?"', /letters, digits/],
  ['path part with braces inside', (f) => f.api.root.addResource('a{b}'), 'stack/Api/Default/a{b}', 'pathPart', '"a{b}"', /variable \{name\}/],
  ['greedy variable without name', (f) => f.api.root.addResource('{+}'), 'stack/Api/Default/{+}', 'pathPart', '"{+}"', /greedy variable/],
  ['duplicate sibling', (f) => f.api.root.addResource('items'), 'stack/Api/Default/items', 'pathPart', '"items"', /already has a child "items"/],
  ['second variable sibling', (f) => { f.api.root.addResource('{a}'); f.api.root.addResource('{b}'); }, 'stack/Api/Default/{b}', 'pathPart', '"{b}"', /one variable path part among siblings/],
  ['child of a greedy path', (f) => f.api.root.addResource('{proxy+}').addResource('x'), 'stack/Api/Default/{}/x', 'pathPart', '"x"', /greedy path variable/],
  // Method
  ['unknown HTTP method', (f) => f.api.root.addMethod('CONNECT', new MockIntegration(), open), 'stack/Api/Default/CONNECT', 'httpMethod', '"CONNECT"', /GET, POST, PUT, DELETE, HEAD, OPTIONS, PATCH, ANY/],
  ['HTTP method with a space', (f) => f.api.root.addMethod('GET ', new MockIntegration(), open), 'stack/Api/Default/GET ', 'httpMethod', '"GET "', /GET, POST/],
  ['duplicate method', (f) => f.api.root.getResource('items')!.addMethod('GET'), 'stack/Api/Default/items/GET', 'httpMethod', '"GET"', /already has a GET method/],
  ['unknown authorization', (f) => f.api.root.addMethod('GET', new MockIntegration(), { authorization: 'JWT' as AuthorizationType }), 'stack/Api/Default/GET', 'authorization', '"JWT"', /NONE, AWS_IAM, CUSTOM, COGNITO_USER_POOLS/],
  ['Cognito without authorizer', (f) => f.api.root.addMethod('GET', new MockIntegration(), { authorization: AuthorizationType.COGNITO }), 'stack/Api/Default/GET', 'authorizerId', 'undefined', /needs the ID of an authorizer/],
  ['authorizer with NONE', (f) => f.api.root.addMethod('GET', new MockIntegration(), { authorization: AuthorizationType.NONE, authorizerId: 'x1' }), 'stack/Api/Default/GET', 'authorizerId', '"x1"', /only with CUSTOM or COGNITO_USER_POOLS/],
  ['scopes with CUSTOM', (f) => f.api.root.addMethod('GET', new MockIntegration(), { authorization: AuthorizationType.CUSTOM, authorizerId: 'a', authorizationScopes: ['s'] }), 'stack/Api/Default/GET', 'authorizationScopes', '["s"]', /only with COGNITO_USER_POOLS/],
  ['empty operation name', (f) => f.api.root.addMethod('GET', new MockIntegration(), { ...open, operationName: '' }), 'stack/Api/Default/GET', 'operationName', '""', /is required/],
  ['request parameter in the body', (f) => f.api.root.addMethod('GET', new MockIntegration(), { ...open, requestParameters: { 'method.request.body.id': true } }), 'stack/Api/Default/GET', 'requestParameters key', '"method.request.body.id"', /querystring\|header\|path/],
  ['request parameter required as a string', (f) => f.api.root.addMethod('GET', new MockIntegration(), { ...open, requestParameters: { 'method.request.path.id': 'yes' as unknown as boolean } }), 'stack/Api/Default/GET', 'requestParameters["method.request.path.id"]', '"yes"', /true when the parameter is required/],
  ['request model key without subtype', (f) => f.api.root.addMethod('GET', new MockIntegration(), { ...open, requestModels: { application: Model.EMPTY } }), 'stack/Api/Default/GET', 'requestModels key', '"application"', /content types/],
  ['second integration', (f) => f.get.addIntegration(new MockIntegration()), 'stack/Api/Default/items/GET', 'integration', '"MOCK"', /exactly one/],
  // MethodResponse
  ['status code 1000', (f) => f.get.addMethodResponse({ statusCode: '1000' }), 'stack/Api/Default/items/GET/Response1000', 'statusCode', '"1000"', /three digits from 100 to 599/],
  ['status code 099', (f) => f.get.addMethodResponse({ statusCode: '099' }), 'stack/Api/Default/items/GET/Response099', 'statusCode', '"099"', /three digits/],
  ['status code with a space', (f) => f.get.addMethodResponse({ statusCode: ' 200' }), 'stack/Api/Default/items/GET/Response 200', 'statusCode', '" 200"', /three digits/],
  ['duplicate method response', (f) => { f.get.addMethodResponse({ statusCode: '200' }); f.get.addMethodResponse({ statusCode: '200' }); }, 'stack/Api/Default/items/GET/Response200', 'statusCode', '"200"', /already has a method response/],
  ['response header key without prefix', (f) => f.get.addMethodResponse({ statusCode: '200', responseParameters: { 'header.X': true } }), 'stack/Api/Default/items/GET/Response200', 'responseParameters key', '"header.X"', /method.response.header/],
  ['response header required as a number', (f) => f.get.addMethodResponse({ statusCode: '200', responseParameters: { 'method.response.header.X': 1 as unknown as boolean } }), 'stack/Api/Default/items/GET/Response200', 'responseParameters["method.response.header.X"]', '1', /true when the header is required/],
  // Integration
  ['HTTP_PROXY without uri', (f) => f.api.root.addMethod('GET', new IntegrationBackend({ type: IntegrationType.HTTP_PROXY, integrationHttpMethod: 'GET' }), open), 'stack/Api/Default/GET/Integration', 'uri', 'undefined', /needs the uri/],
  ['AWS without integration method', (f) => f.api.root.addMethod('GET', new IntegrationBackend({ type: IntegrationType.AWS, uri: 'arn:aws:apigateway:us-east-1:sqs:path/1/q' }), open), 'stack/Api/Default/GET/Integration', 'integrationHttpMethod', 'undefined', /needs the HTTP method/],
  ['HttpIntegration with an ftp URL', (f) => f.api.root.addMethod('GET', new HttpIntegration('ftp://example.com'), open), 'stack/Api/Default/GET/Integration', 'uri', '"ftp://example.com"', /http:\/\/ or https:\/\//],
  ['HttpIntegration with an unknown method', (f) => f.api.root.addMethod('GET', new HttpIntegration('https://example.com', { httpMethod: 'TRACE' }), open), 'stack/Api/Default/GET/Integration', 'integrationHttpMethod', '"TRACE"', /GET, POST/],
  ['AWS_PROXY with a bare function ARN', (f) => f.api.root.addMethod('GET', new IntegrationBackend({ type: IntegrationType.AWS_PROXY, uri: 'arn:aws:lambda:us-east-1:123456789012:function:f', integrationHttpMethod: 'POST' }), open), 'stack/Api/Default/GET/Integration', 'uri', '"arn:aws:lambda:us-east-1:123456789012:function:f"', /API Gateway service ARN/],
  ['MOCK with an integration URI', (f) => f.api.root.addMethod('GET', new IntegrationBackend({ type: IntegrationType.MOCK, uri: 'https://x.example' }), open), 'stack/Api/Default/GET/Integration', 'uri', '"https://x.example"', /takes no uri/],
  ['unknown integration type', (f) => f.api.root.addMethod('GET', new IntegrationBackend({ type: 'GRPC' as IntegrationType }), open), 'stack/Api/Default/GET/Integration', 'type', '"GRPC"', /AWS, AWS_PROXY, HTTP, HTTP_PROXY, MOCK/],
  ['unknown passthrough behavior', (f) => f.api.root.addMethod('GET', mock({ passthroughBehavior: 'WHEN_EMPTY' as PassthroughBehavior }), open), 'stack/Api/Default/GET/Integration', 'passthroughBehavior', '"WHEN_EMPTY"', /WHEN_NO_MATCH, NEVER, WHEN_NO_TEMPLATES/],
  ['unknown request content handling', (f) => f.api.root.addMethod('GET', mock({ contentHandling: 'BINARY' as ContentHandling }), open), 'stack/Api/Default/GET/Integration', 'contentHandling', '"BINARY"', /CONVERT_TO_BINARY, CONVERT_TO_TEXT/],
  ['timeout over 300000 ms', (f) => f.api.root.addMethod('GET', http({ options: { timeoutMilliseconds: 300001 } }), open), 'stack/Api/Default/GET/Integration', 'timeoutMilliseconds', '300001', /50 to 300000/],
  ['unknown connection type', (f) => f.api.root.addMethod('GET', http({ options: { connectionType: 'PRIVATE_LINK' as ConnectionType } }), open), 'stack/Api/Default/GET/Integration', 'connectionType', '"PRIVATE_LINK"', /INTERNET, VPC_LINK/],
  ['VPC link without ID', (f) => f.api.root.addMethod('GET', http({ options: { connectionType: ConnectionType.VPC_LINK } }), open), 'stack/Api/Default/GET/Integration', 'connectionId', 'undefined', /VPC link ID/],
  ['credentials that are a user name', (f) => f.api.root.addMethod('GET', http({ options: { credentials: 'admin' } }), open), 'stack/Api/Default/GET/Integration', 'credentials', '"admin"', /IAM role ARN/],
  ['integration request parameter from the response', (f) => f.api.root.addMethod('GET', mock({ requestParameters: { 'integration.request.header.X': 'integration.response.header.X' } }), open), 'stack/Api/Default/GET/Integration', 'requestParameters["integration.request.header.X"]', '"integration.response.header.X"', /allowed sources are method.request/],
  ['integration request parameter key without prefix', (f) => f.api.root.addMethod('GET', mock({ requestParameters: { 'request.header.X': "'a'" } }), open), 'stack/Api/Default/GET/Integration', 'requestParameters key', '"request.header.X"', /integration.request/],
  ['cache key that is not a method request parameter', (f) => f.api.root.addMethod('GET', mock({ cacheKeyParameters: ['id'] }), open), 'stack/Api/Default/GET/Integration', 'cacheKeyParameters', '"id"', /method request parameters/],
  ['request template key that is not a content type', (f) => f.api.root.addMethod('GET', mock({ requestTemplates: { 'application json': '{}' } }), open), 'stack/Api/Default/GET/Integration', 'requestTemplates key', '"application json"', /content types/],
  ['AwsIntegration without path or action', (f) => f.api.root.addMethod('POST', new AwsIntegration({ service: 'sqs' }), open), 'stack/Api/Default/POST/Integration', 'path/action', '[null,null]', /exactly one of path/],
  ['LambdaIntegration with a layer ARN', (f) => f.api.root.addMethod('POST', new LambdaIntegration('arn:aws:lambda:us-east-1:123456789012:layer:l:1'), open), 'stack/Api/Default/POST/Integration', 'functionArn', '"arn:aws:lambda:us-east-1:123456789012:layer:l:1"', /ARN of a Lambda function/],
  // IntegrationResponse
  ['integration response status code 700', (f) => f.get.addIntegrationResponse({ statusCode: '700' }), 'stack/Api/Default/items/GET/Integration/Response700', 'statusCode', '"700"', /three digits/],
  ['selection pattern with an unbalanced bracket', (f) => f.get.addIntegrationResponse({ statusCode: '200', selectionPattern: '[a-' }), 'stack/Api/Default/items/GET/Integration/Response200', 'selectionPattern', '"[a-"', /not a Java regular expression/],
  ['selection pattern with a carriage return', (f) => f.get.addIntegrationResponse({ statusCode: '200', selectionPattern: 'a\rb' }), 'stack/Api/Default/items/GET/Integration/Response200', 'selectionPattern', '"a\\rb"', /must not contain a newline/],
  ['duplicate integration response', (f) => { f.get.addIntegrationResponse({ statusCode: '200' }); f.get.addIntegrationResponse({ statusCode: '200', selectionPattern: 'x' }); }, 'stack/Api/Default/items/GET/Integration/Response200', 'statusCode', '"200"', /already has a response with this status code/],
  ['second default integration response', (f) => { f.get.addIntegrationResponse({ statusCode: '200' }); f.get.addIntegrationResponse({ statusCode: '400', selectionPattern: '' }); }, 'stack/Api/Default/items/GET/Integration/Response400', 'selectionPattern', '""', /already the default/],
  ['mapping from the request', (f) => f.get.addIntegrationResponse({ statusCode: '200', responseParameters: { 'method.response.header.X': 'method.request.header.X' } }), 'stack/Api/Default/items/GET/Integration/Response200', 'responseParameters["method.response.header.X"]', '"method.request.header.X"', /allowed sources are integration.response.header/],
  ['mapping into a request header', (f) => f.get.addIntegrationResponse({ statusCode: '200', responseParameters: { 'method.request.header.X': "'a'" } }), 'stack/Api/Default/items/GET/Integration/Response200', 'responseParameters key', '"method.request.header.X"', /method.response.header/],
  ['mapping with an unterminated static value', (f) => f.get.addIntegrationResponse({ statusCode: '200', responseParameters: { 'method.response.header.X': "'open" } }), 'stack/Api/Default/items/GET/Integration/Response200', 'responseParameters["method.response.header.X"]', `"'open"`, /'static value'/],
  ['unknown response content handling', (f) => f.get.addIntegrationResponse({ statusCode: '200', contentHandling: 'CONVERT_TO_XML' as ContentHandling }), 'stack/Api/Default/items/GET/Integration/Response200', 'contentHandling', '"CONVERT_TO_XML"', /CONVERT_TO_BINARY, CONVERT_TO_TEXT/],
  ['integration response without method response (synth)', (f) => { f.get.addIntegrationResponse({ statusCode: '201' }); synth(f.stack); }, 'stack/Api/Default/items/GET/Integration/Response201', 'statusCode', '"201"', /Add it with method.addMethodResponse\(\{ statusCode: '201' \}\)/],
  ['mapped header not declared (synth)', (f) => { f.get.addMethodResponse({ statusCode: '200' }); f.get.addIntegrationResponse({ statusCode: '200', responseParameters: { 'method.response.header.Location': "'x'" } }); synth(f.stack); }, 'stack/Api/Default/items/GET/Integration/Response200', 'responseParameters', '"method.response.header.Location"', /does not declare/],
  // Deployment and stage
  ['deployment of an API without methods (synth)', (f) => { const a = new RestApi(f.stack, 'Empty', { name: 'empty' }); a.deploy('prod'); synth(f.stack); }, 'stack/Empty/Deployment', 'methods', 'empty', /cannot deploy an API without methods/],
  ['deployment of a method without integration (synth)', (f) => { f.api.root.addMethod('POST', undefined, open); f.api.deploy('prod'); synth(f.stack); }, 'stack/Api/Deployment', 'integration', 'POST /', /No integration defined for method/],
  ['stage name with a dot', (f) => f.api.deploy('v1.0'), 'stack/Api/Stage_v1.0', 'stageName', '"v1.0"', /letters, digits, hyphens and underscores/],
  ['duplicate stage', (f) => { f.api.deploy('prod'); f.api.deploy('prod'); }, 'stack/Api/Stage_prod', 'stageName', '"prod"', /already has a stage/],
  ['cache cluster size 1', (f) => f.api.deploy('prod', { cacheClusterEnabled: true, cacheClusterSize: '1' }), 'stack/Api/Stage_prod', 'cacheClusterSize', '"1"', /0.5, 1.6, 6.1/],
  ['access log format without request ID', (f) => f.api.deploy('prod', { accessLogDestinationArn: 'arn:aws:logs:us-east-1:123456789012:log-group:x', accessLogFormat: AccessLogFormat.custom('$context.ip') }), 'stack/Api/Stage_prod', 'accessLogFormat', '"$context.ip"', /\$context.requestId/],
  ['access log to a Firehose stream with another name', (f) => f.api.deploy('prod', { accessLogDestinationArn: 'arn:aws:firehose:us-east-1:123456789012:deliverystream/logs', accessLogFormat: AccessLogFormat.custom('$context.requestId') }), 'stack/Api/Stage_prod', 'accessLogDestinationArn', '"arn:aws:firehose:us-east-1:123456789012:deliverystream/logs"', /amazon-apigateway-\*/],
  ['unknown logging level', (f) => f.api.deploy('prod', { loggingLevel: 'WARN' as MethodLoggingLevel }), 'stack/Api/Stage_prod', 'loggingLevel', '"WARN"', /OFF, ERROR, INFO/],
  ['fractional burst limit', (f) => f.api.deploy('prod', { throttlingBurstLimit: 2.5 }), 'stack/Api/Stage_prod', 'throttlingBurstLimit', '2.5', /whole number/],
  ['method settings for a missing method (synth)', (f) => { f.api.deploy('prod', { methodOptions: { '/items/DELETE': { metricsEnabled: true } } }); synth(f.stack); }, 'stack/Api/Stage_prod', 'methodOptions', '"/items/DELETE"', /has no DELETE method at \/items/],
  // Usage plans, keys, domains, logs, WAF
  ['usage plan with a negative rate', (f) => new UsagePlan(f.stack, 'Plan', { throttle: { rateLimit: -1 } }), 'stack/Plan', 'throttle.rateLimit', '-1', /0 or more/],
  ['usage plan with a fractional burst', (f) => new UsagePlan(f.stack, 'Plan', { throttle: { burstLimit: 1.5 } }), 'stack/Plan', 'throttle.burstLimit', '1.5', /whole number/],
  ['quota offset outside a week', (f) => new UsagePlan(f.stack, 'Plan', { quota: { limit: 10, period: Period.WEEK, offset: 7 } }), 'stack/Plan', 'quota.offset', '7', /0 to 6/],
  ['stage listed twice in a plan', (f) => { const s = f.api.deploy('prod'); new UsagePlan(f.stack, 'Plan', { apiStages: [{ stage: s }, { stage: s }] }); }, 'stack/Plan', 'apiStages', '"prod"', /listed in this usage plan already/],
  ['per-method throttle for a missing method (synth)', (f) => { const s = f.api.deploy('prod'); new UsagePlan(f.stack, 'Plan', { apiStages: [{ stage: s, throttle: { '/items/PUT': { rateLimit: 1 } } }] }); synth(f.stack); }, 'stack/Plan', 'throttle key', '"/items/PUT"', /has no PUT method at \/items/],
  ['API key value of 10 characters', (f) => new ApiKey(f.stack, 'Key', { value: '0123456789' }), 'stack/Key', 'value', '(10 characters)', /20 to 128 characters/],
  ['domain name that is not a host name', (f) => new DomainName(f.stack, 'Domain', { domainName: 'api_example', certificateArn: CERT }), 'stack/Domain', 'domainName', '"api_example"', /not a valid host name/],
  ['EDGE domain with a regional certificate field', (f) => new DomainName(f.stack, 'Domain', { domainName: 'api.example.com', endpointType: EndpointType.EDGE, regionalCertificateArn: CERT }), 'stack/Domain', 'regionalCertificateArn', CERT, /us-east-1/],
  ['mTLS on an EDGE domain', (f) => new DomainName(f.stack, 'Domain', { domainName: 'api.example.com', endpointType: EndpointType.EDGE, certificateArn: CERT, mtls: { truststoreUri: 's3://b/t.pem' } }), 'stack/Domain', 'mtls', 's3://b/t.pem', /REGIONAL domains only/],
  ['base path with a slash', (f) => new DomainName(f.stack, 'Domain', { domainName: 'api.example.com', certificateArn: CERT }).addBasePathMapping(f.api.deploy('prod'), { basePath: 'a/b' }), 'stack/Domain', 'basePath', '"a/b"', /one path segment/],
  ['base path used twice', (f) => { const d = new DomainName(f.stack, 'Domain', { domainName: 'api.example.com', certificateArn: CERT }); const s = f.api.deploy('prod'); d.addBasePathMapping(s, { basePath: 'v1' }); d.addBasePathMapping(s, { basePath: 'v1' }); }, 'stack/Domain/Map_v1', 'basePath', '"v1"', /maps this base path already/],
  ['log retention CloudWatch does not offer', (f) => f.api.deploy('prod', { accessLogGroup: true, accessLogRetention: 10 }), 'stack/Api/Stage_prod', 'accessLogRetention', '10', /1, 3, 5, 7, 14/],
  ['WAF ARN that is not a wafv2 web ACL', (f) => f.api.deploy('prod').associateWebAcl('arn:aws:waf-regional:us-east-1:123456789012:webacl/x'), 'stack/Api/Stage_prod/WebAcl', 'webAclArn', '"arn:aws:waf-regional:us-east-1:123456789012:webacl/x"', /wafv2/],
  // CORS
  ['CORS origin without scheme', (f) => f.api.root.addCorsPreflight({ allowOrigins: ['example.com'] }), 'stack/Api/Default/OPTIONS', 'allowOrigins', '"example.com"', /scheme:\/\/host/],
  ['CORS max age below -1', (f) => f.api.root.addCorsPreflight({ allowOrigins: ['*'], maxAgeSeconds: -2 }), 'stack/Api/Default/OPTIONS', 'maxAgeSeconds', '-2', /whole number/],
  // WebSocket
  ['WebSocket API without name', (f) => new websocket.WebSocketApi(f.stack, 'Ws', { name: '' }), 'stack/Ws', 'name', '""', /is required/],
  ['WebSocket route key with an unknown $ key', (f) => new websocket.WebSocketApi(f.stack, 'Ws', { name: 'w' }).addRoute('$ping'), 'stack/Ws/Route_$ping', 'routeKey', '"$ping"', /\$connect, \$disconnect, \$default/],
  ['WebSocket route response key 200', (f) => new websocket.WebSocketApi(f.stack, 'Ws', { name: 'w' }).addRoute('a').addResponse({ routeResponseKey: '200' }), 'stack/Ws/Route_a/Response_200', 'routeResponseKey', '"200"', /only the route response key \$default/],
  ['WebSocket status code key 42', () => websocket.IntegrationResponseKey.fromStatusCode(42), 'IntegrationResponseKey.fromStatusCode', 'statusCode', '42', /100 to 599/],
  ['WebSocket AWS integration without URI', (f) => new websocket.WebSocketApi(f.stack, 'Ws', { name: 'w' }).addIntegration('A', { type: websocket.IntegrationType.AWS }), 'stack/Ws/A', 'integrationUri', 'undefined', /needs the URI/],
  // Models, request validators, gateway responses
  ['schema that is not draft 4', (f) => f.api.addModel('Pet', { schema: { type: 'objekt' } }), 'stack/Api/Pet', 'schema', '{"type":"objekt"}', /not a valid JSON Schema draft 4/],
  ['schema that is not JSON', (f) => f.api.addModel('Pet', { schema: { type: 'number', maximum: Infinity } }), 'stack/Api/Pet', 'schema', '{"type":"number","maximum":null}', /must be JSON: \.maximum is Infinity/],
  ['model name that is not alphanumeric', (f) => f.api.addModel('Pet', { modelName: 'my_pet', schema: {} }), 'stack/Api/Pet', 'modelName', '"my_pet"', /letters and digits/],
  ['model name used twice', (f) => { f.api.addModel('Pet', { schema: {} }); f.api.addModel('Pet2', { modelName: 'Pet', schema: {} }); }, 'stack/Api/Pet2', 'modelName', '"Pet"', /unique in an API/],
  ['$ref to a model of another API', (f) => {
    const other = new RestApi(f.stack, 'Other', { name: 'o' }).addModel('Pet', { schema: {} });
    f.api.addModel('Pets', { schema: { type: 'array', items: { $ref: Model.referenceTo(other) } } });
  }, 'stack/Api/Pets', 'schema $ref', '"stack/Other/Pet"', /can only refer to models of its own API/],
  ['model of another API in requestModels', (f) => {
    const other = new RestApi(f.stack, 'Other', { name: 'o' }).addModel('Pet', { schema: {} });
    f.api.root.addMethod('POST', new MockIntegration(), { ...open, requestModels: { 'application/json': other } });
  }, 'stack/Api/Default/POST', 'requestModels["application/json"]', '"stack/Other/Pet"', /can only use models of its own API/],
  ['model content type without subtype', (f) => f.api.addModel('Pet', { contentType: 'json', schema: {} }), 'stack/Api/Pet', 'contentType', '"json"', /type\/subtype/],
  ['two validators with one name', (f) => { f.api.addRequestValidator('A', { requestValidatorName: 'v' }); f.api.addRequestValidator('B', { requestValidatorName: 'v' }); }, 'stack/Api/B', 'requestValidatorName', '"v"', /unique in an API/],
  ['validator of another API', (f) => {
    const other = new RestApi(f.stack, 'Other', { name: 'o' }).addRequestValidator('V', {});
    f.api.root.addMethod('POST', new MockIntegration(), { ...open, requestValidator: other });
  }, 'stack/Api/Default/POST', 'requestValidator', '"stack/Other/V"', /validators of its own API/],
  ['requestValidator with requestValidatorOptions', (f) => f.api.root.addMethod('POST', new MockIntegration(), {
    ...open, requestValidator: f.api.addRequestValidator('V', {}), requestValidatorOptions: { validateRequestBody: true },
  }), 'stack/Api/Default/POST', 'requestValidatorOptions', '{"validateRequestBody":true}', /not both/],
  ['two gateway responses of one type', (f) => { f.api.addGatewayResponse('A', { type: ResponseType.THROTTLED }); f.api.addGatewayResponse('B', { type: ResponseType.THROTTLED }); }, 'stack/Api/B', 'type', '"THROTTLED"', /customised once in an API/],
  ['gateway response status code outside [1-5]\\d\\d', (f) => f.api.addGatewayResponse('R', { type: ResponseType.THROTTLED, statusCode: '099' }), 'stack/Api/R', 'statusCode', '"099"', /100 to 599/],
  ['gateway response header value unquoted', (f) => f.api.addGatewayResponse('R', { type: ResponseType.THROTTLED, responseHeaders: { 'Retry-After': '10' } }), 'stack/Api/R', 'responseHeaders["Retry-After"]', '"10"', /single quotes/],
  // Import
  ['import ID with an empty segment', () => ImportId.parseMethodResponse('a//GET/200'), 'ImportId.parseMethodResponse', 'import ID', '"a//GET/200"', /REST-API-ID\/RESOURCE-ID\/HTTP-METHOD\/STATUS-CODE/],
  ['import ID with a status code of 20', () => ImportId.parseIntegrationResponse('a/b/GET/20'), 'ImportId.parseIntegrationResponse', 'import ID', '"a/b/GET/20"', /STATUS-CODE/],
];

describe('every bad input gets a specific, clear error', () => {
  test('the suite covers at least 60 distinct bad inputs', () => {
    expect(new Set(ROWS.map((r) => r[0])).size).toBe(ROWS.length);
    expect(ROWS.length).toBeGreaterThanOrEqual(60);
  });

  test.each(ROWS)('%s', (_description, act, where, property, value, allowed) => {
    let error: unknown;
    try {
      act(fixture());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    // Whole-tree checks arrive through cdktf's validation as one synth error quoting the construct path.
    if (!/^Validation failed/m.test(message) && !/\n\s*\[/.test(message)) expect(error).toBeInstanceOf(ValidationError);
    expect(message).toContain(where);
    expect(message).toContain(property);
    expect(message).toContain(value);
    expect(message).toMatch(allowed);
  });
});
