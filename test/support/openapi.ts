import { spawnSync } from 'child_process';

/**
 * Validates a document with @apidevtools/swagger-parser (OpenAPI 3.0 and Swagger 2.0 schemas,
 * references). The parser is an ES module that jest's CommonJS runtime cannot load, so it runs in
 * a plain Node process; the document goes in on stdin. Returns the error message, or undefined.
 */
export function openApiProblem(text: string): string | undefined {
  const script = [
    "const SwaggerParser = require('@apidevtools/swagger-parser');",
    "let input = ''; process.stdin.on('data', (d) => { input += d; });",
    "process.stdin.on('end', () => SwaggerParser.validate(JSON.parse(input)).then(",
    "  () => process.stdout.write('valid'), (e) => process.stdout.write(String(e.message))));",
  ].join('\n');
  const result = spawnSync(process.execPath, ['-e', script], { input: text, encoding: 'utf8', cwd: __dirname, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`swagger-parser did not run: ${result.stderr}`);
  return result.stdout === 'valid' ? undefined : result.stdout;
}
