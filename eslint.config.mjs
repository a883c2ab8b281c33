// Syntax-only typescript-eslint rules (no type information) keep `eslint .` to a few seconds;
// type checking is jsii's and ts-jest's job.
import stylistic from '@stylistic/eslint-plugin';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ts = ['lib/**/*.ts', 'src/**/*.ts', 'test/**/*.ts', 'examples/**/*.ts', 'bench/**/*.ts'];
// test/python/run.js is tracked source (.gitignore re-includes it), like scripts/ and bench/.
const js = ['scripts/**/*.js', 'bench/*.js', 'test/python/*.js'];

export default defineConfig([
  // Build output, generated code and Python virtual environments: not ours to lint.
  globalIgnores([
    '**/node_modules/', 'dist/', '**/cdktf.out/', '**/*.d.ts', 'lib/**/*.js',
    'test/python/.venv/', '.e2e-venv/', 'bin/', 'test/adopt/.work/', 'examples/python/', 'coverage/',
  ]),
  {
    // Scoped with `files` so that no other .ts file (generated provider bindings, venvs) is picked up.
    files: [...ts, ...js],
    extends: [tseslint.configs.recommended],
    plugins: { '@stylistic': stylistic },
    rules: {
      // Long user-facing messages are strings and templates: splitting them hurts grep, so only code
      // and comments are held to the limit.
      '@stylistic/max-len': ['error', {
        code: 160, ignoreComments: false, ignoreUrls: true,
        ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true,
      }],
      eqeqeq: ['error', 'smart'], // `x == null` stays allowed: it is the null-or-undefined idiom
      'no-var': 'error',
      'prefer-const': 'error',
      curly: 'off', // one-line guards (`if (!x) return;`) are house style
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The e2e drivers and benchmarks handle untyped JSON from Terraform and the AWS APIs; lib/ keeps
    // the recommended `error`.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Tests require() on purpose, e.g. to load lib/ inside jest.isolateModules.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Plain CommonJS run by node: no compiler checks undefined names there, so ESLint does.
    files: js,
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off', 'no-undef': 'error' },
  },
]);
