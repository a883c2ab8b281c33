import { CliError, explain } from '../../src/cli/aws';
import { formatInventory, InventoryRow } from '../../src/cli/inventory';
import { parseArgs, run, UsageError } from '../../src/cli/main';
import { normalizePolicy, selectStages } from '../../src/cli/rest-reader';

describe('command line', () => {
  test('GIVEN adopt options WHEN parsed THEN stages repeat and the defaults are TypeScript and every stage', () => {
    const args = parseArgs(['adopt', '--rest-api-id', 'a1b2c3d4e5', '--stage', 'prod', '--stage=dev', '--region', 'eu-west-1']);
    expect(args).toMatchObject({ command: 'adopt', restApiId: 'a1b2c3d4e5', language: 'typescript', stages: ['prod', 'dev'], aws: { region: 'eu-west-1' } });
    expect(parseArgs(['inventory']).format).toBe('markdown');
  });

  test.each([
    [['adopt'], /exactly one of --rest-api-id and --websocket-api-id/],
    [['adopt', '--rest-api-id', 'a', '--websocket-api-id', 'b'], /exactly one/],
    [['adopt', '--rest-api-id', 'a', '--language', 'java'], /--language is typescript or python, not java/],
    [['inventory', '--format', 'xml'], /--format is markdown, csv or json, not xml/],
    [['inventory', '--stage', 'prod'], /--stage does not apply to inventory/],
    [['adopt', '--rest-api-id'], /--rest-api-id needs a value/],
    [['adopt', '--rest-api-id', 'a', '--out', 'x', '--out', 'y'], /--out is given more than once/],
    [['deploy'], /unknown command deploy/],
    [['adopt', '--rest-api-id', 'a', '--colour'], /unknown option --colour/],
  ])('GIVEN %j WHEN parsed THEN it is a usage error', (argv, message) => {
    expect(() => parseArgs(argv as string[])).toThrow(UsageError);
    expect(() => parseArgs(argv as string[])).toThrow(message as RegExp);
  });

  test('GIVEN a usage error WHEN the command runs THEN it exits with 1 and prints the usage to stderr', async () => {
    let err = '';
    const code = await run(['adopt'], { stdout: () => undefined, stderr: (s) => { err += s; } });
    expect(code).toBe(1);
    expect(err).toMatch(/Usage:/);
  });

  test('GIVEN --help WHEN the command runs THEN it prints the usage to stdout and exits with 0', async () => {
    let out = '';
    expect(await run(['--help'], { stdout: (s) => { out += s; }, stderr: () => undefined })).toBe(0);
    expect(out).toMatch(/cdktf-apigateway adopt/);
  });
});

describe('errors', () => {
  const sdk = (name: string, status?: number, extra: object = {}) => Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode: status }, ...extra });

  test.each([
    [sdk('NotFoundException', 404), /unknown API a1/],
    [sdk('CredentialsProviderError'), /no AWS credentials/],
    [sdk('AccessDeniedException', 403), /access denied while reading the API/],
    [sdk('UnrecognizedClientException', 403), /access denied/],
    [sdk('Error', undefined, { code: 'ECONNREFUSED' }), /cannot reach the API Gateway endpoint http:\/\/x/],
    [sdk('TimeoutError'), /cannot reach/],
    [sdk('SyntaxError', 500), /did not answer the API with an API Gateway response/],
    [sdk('BadRequestException', 400), /reading the API failed: BadRequestException/],
  ])('GIVEN an SDK failure %#  WHEN explained THEN the message says what went wrong', (error, message) => {
    const e = explain(error, 'the API', 'http://x', 'unknown API a1');
    expect(e).toBeInstanceOf(CliError);
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(message);
  });
});

describe('reader helpers', () => {
  test('GIVEN the policy as API Gateway returns it (quotes escaped) WHEN normalized THEN it is the JSON document', () => {
    expect(normalizePolicy('{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[]}')).toBe('{"Version":"2012-10-17","Statement":[]}');
    expect(normalizePolicy('{"Version": "2012-10-17"}')).toBe('{"Version":"2012-10-17"}');
  });

  test('GIVEN --stage names WHEN selected THEN unknown names are refused and the live order kept', () => {
    expect(selectStages(['dev', 'prod'], ['prod'], 'API x')).toEqual(['prod']);
    expect(selectStages(['dev', 'prod'], [], 'API x')).toEqual(['dev', 'prod']);
    expect(() => selectStages(['dev'], ['prod', 'qa'], 'API x')).toThrow(/API x has no stage "prod", "qa" \(its stages: dev\)/);
  });
});

describe('inventory formats', () => {
  const rows: InventoryRow[] = [{
    apiType: 'REST', apiName: 'pets, "v2"', apiId: 'a1', pathOrRoute: '/pets', methodOrIntegration: 'GET', statusOrKey: '500',
    selectionPattern: '5\\d{2}|.*Error.*', contentHandling: 'CONVERT_TO_TEXT', templateContentTypes: ['application/json', 'text/html'],
  }];

  test('GIVEN rows WHEN written as CSV THEN fields with commas and quotes are quoted', () => {
    expect(formatInventory(rows, 'csv')).toBe(
      'API type,API name,API ID,Path or route,Method or integration,Status code or response key,Selection pattern,Content handling,Template content types\r\n' +
      'REST,"pets, ""v2""",a1,/pets,GET,500,5\\d{2}|.*Error.*,CONVERT_TO_TEXT,application/json text/html\r\n');
  });

  test('GIVEN rows WHEN written as Markdown THEN the pipe of a pattern does not split the cell', () => {
    const md = formatInventory(rows, 'markdown');
    expect(md).toContain('| `5\\d{2}\\|.*Error.*` |');
    expect(md).toContain('1 integration response\n');
  });

  test('GIVEN rows WHEN written as JSON THEN every field is kept', () => {
    expect(JSON.parse(formatInventory(rows, 'json'))).toEqual(rows);
  });
});
