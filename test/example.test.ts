import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, Testing } from 'cdktf';
import { MyDemoStack } from '../examples/typescript/main';
import { buildGraph, orderingProblems, reaches } from './support/graph';

describe('the MyDemoAPI example', () => {
  const app = Testing.app();
  const stack = new MyDemoStack(app, 'my-demo-api');
  const text = Testing.synth(stack, true);
  const json = JSON.parse(text);

  test('THEN its synthesized stack matches the snapshot', () => {
    expect(json).toMatchSnapshot();
  });

  test('THEN the integration response comes after its integration and its 200 method response, with no depends_on in the example', () => {
    const graph = buildGraph(json);
    const [ir] = [...graph.values()].filter((n) => n.type === 'aws_api_gateway_integration_response');
    const [integration] = [...graph.values()].filter((n) => n.type === 'aws_api_gateway_integration');
    const [mr] = [...graph.values()].filter((n) => n.type === 'aws_api_gateway_method_response');
    expect(mr.config.status_code).toBe('200');
    expect(reaches(graph, integration.address, ir.address)).toBe(true);
    expect(reaches(graph, mr.address, ir.address)).toBe(true);
    expect(ir.config.depends_on).toBeUndefined();
    expect(orderingProblems(json)).toEqual([]);
    const source = readFileSync(join(__dirname, '..', 'examples', 'typescript', 'main.ts'), 'utf8');
    expect(source).not.toMatch(/dependsOn|depends_on/);
  });

  test('THEN the integration response turns the backend JSON into XML', () => {
    const [ir] = Object.values(json.resource.aws_api_gateway_integration_response) as any[];
    expect(ir.response_templates['application/xml']).toMatch(/^#set\(\$inputRoot = \$input\.path\('\$'\)\)[\s\S]*<message>\s*\$inputRoot\.body\s*<\/message>$/);
    const [api] = Object.values(json.resource.aws_api_gateway_rest_api) as any[];
    expect(api).toEqual({ name: 'MyDemoAPI', description: 'This is my API for demonstration purposes' });
  });
});

test('GIVEN the example synthesized by two separate processes THEN the JSON is byte-identical', () => {
  const run = () => {
    const outdir = mkdtempSync(join(tmpdir(), 'cdktf-determinism-'));
    execFileSync(process.execPath, [require.resolve('ts-node/dist/bin'), '--transpile-only', '--project', 'tsconfig.dev.json', 'examples/typescript/main.ts'], {
      cwd: join(__dirname, '..'),
      env: { ...process.env, CDKTF_OUTDIR: outdir },
      stdio: 'pipe',
    });
    return readFileSync(join(outdir, 'stacks', 'my-demo-api', 'cdk.tf.json'));
  };
  const first = run();
  const second = run();
  expect(first.length).toBeGreaterThan(1000);
  expect(second.equals(first)).toBe(true);
  void App;
});
