import * as fc from 'fast-check';
import { ImportId, ValidationError } from '../lib';

const id = fc.stringMatching(/^[a-z0-9]{1,12}$/);
const stageName = fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/);
const httpMethod = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'ANY');
const statusCode = fc.integer({ min: 100, max: 599 }).map(String);

describe('ImportId', () => {
  test('GIVEN the documented example THEN the formats match the provider docs', () => {
    expect(ImportId.restApi('12345abcde')).toBe('12345abcde');
    expect(ImportId.resource('12345abcde', '67890fghij')).toBe('12345abcde/67890fghij');
    expect(ImportId.method('12345abcde', '67890fghij', 'GET')).toBe('12345abcde/67890fghij/GET');
    expect(ImportId.integration('12345abcde', '67890fghij', 'GET')).toBe('12345abcde/67890fghij/GET');
    expect(ImportId.methodResponse('12345abcde', '67890fghij', 'GET', '200')).toBe('12345abcde/67890fghij/GET/200');
    expect(ImportId.integrationResponse('12345abcde', '67890fghij', 'GET', '200')).toBe('12345abcde/67890fghij/GET/200');
    expect(ImportId.deployment('12345abcde', 'abc123')).toBe('12345abcde/abc123');
    expect(ImportId.stage('12345abcde', 'prod')).toBe('12345abcde/prod');
  });

  test('property: every format/parse pair round-trips', () => {
    fc.assert(fc.property(id, id, httpMethod, statusCode, id, stageName, (api, res, method, code, dep, stage) => {
      expect(ImportId.parseRestApi(ImportId.restApi(api))).toEqual({ restApiId: api });
      expect(ImportId.parseResource(ImportId.resource(api, res))).toEqual({ restApiId: api, resourceId: res });
      expect(ImportId.parseMethod(ImportId.method(api, res, method))).toEqual({ restApiId: api, resourceId: res, httpMethod: method });
      expect(ImportId.parseIntegration(ImportId.integration(api, res, method))).toEqual({ restApiId: api, resourceId: res, httpMethod: method });
      const response = { restApiId: api, resourceId: res, httpMethod: method, statusCode: code };
      expect(ImportId.parseMethodResponse(ImportId.methodResponse(api, res, method, code))).toEqual(response);
      expect(ImportId.parseIntegrationResponse(ImportId.integrationResponse(api, res, method, code))).toEqual(response);
      expect(ImportId.parseDeployment(ImportId.deployment(api, dep))).toEqual({ restApiId: api, deploymentId: dep });
      expect(ImportId.parseStage(ImportId.stage(api, stage))).toEqual({ restApiId: api, stageName: stage });
    }), { numRuns: 300 });
  });

  test('property: parse then format gives back the ID', () => {
    fc.assert(fc.property(id, id, httpMethod, statusCode, (api, res, method, code) => {
      const text = `${api}/${res}/${method}/${code}`;
      const p = ImportId.parseIntegrationResponse(text);
      expect(ImportId.integrationResponse(p.restApiId, p.resourceId, p.httpMethod, p.statusCode)).toBe(text);
    }));
  });

  test.each([
    ['too few segments', () => ImportId.parseIntegrationResponse('12345abcde/67890fghij/GET'),
      /ImportId.parseIntegrationResponse: invalid import ID "12345abcde\/67890fghij\/GET": it has 3 segment\(s\) separated by "\/", expected 4 in the format REST-API-ID\/RESOURCE-ID\/HTTP-METHOD\/STATUS-CODE/],
    ['too many segments', () => ImportId.parseMethod('a/b/GET/200'), /it has 4 segment\(s\).*expected 3 in the format REST-API-ID\/RESOURCE-ID\/HTTP-METHOD/],
    ['an empty segment', () => ImportId.parseResource('12345abcde/'), /invalid import ID "12345abcde\/": RESOURCE-ID is empty; expected format REST-API-ID\/RESOURCE-ID/],
    ['an empty ID', () => ImportId.parseRestApi(''), /invalid import ID "": REST-API-ID is empty/],
    ['an unknown HTTP method', () => ImportId.parseMethod('a/b/FETCH'), /HTTP method "FETCH" is not one of GET, POST, PUT, DELETE, HEAD, OPTIONS, PATCH, ANY/],
    ['a lower-case HTTP method', () => ImportId.parseIntegration('a/b/get'), /HTTP method "get" is not one of/],
    ['a status code of 600', () => ImportId.parseMethodResponse('a/b/GET/600'), /status code "600" is not three digits from 100 to 599/],
    ['a status code of 99', () => ImportId.parseIntegrationResponse('a/b/GET/99'), /status code "99"/],
    ['white space in an ID', () => ImportId.parseStage('a/pro d'), /STAGE-NAME "pro d" contains a slash or white space/],
    ['a stage ID with three segments', () => ImportId.parseStage('a/b/c'), /expected 2 in the format REST-API-ID\/STAGE-NAME/],
    ['a deployment ID with one segment', () => ImportId.parseDeployment('abc'), /expected 2 in the format REST-API-ID\/DEPLOYMENT-ID/],
    ['formatting with a slash in an ID', () => ImportId.resource('a/b', 'c'), /ImportId.resource: cannot build an import ID: REST-API-ID "a\/b" contains a slash/],
    ['formatting with an unknown method', () => ImportId.method('a', 'b', 'FETCH'), /ImportId.method: cannot build an import ID: HTTP method "FETCH"/],
    ['formatting with a bad status code', () => ImportId.integrationResponse('a', 'b', 'GET', '2000'), /status code "2000"/],
  ])('GIVEN %s THEN a ValidationError quotes the ID and the expected format', (_what, call, message) => {
    expect(call).toThrow(ValidationError);
    expect(call).toThrow(message);
  });
});
