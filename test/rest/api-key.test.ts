import { Testing } from 'cdktf';
import { ApiKey, ApiKeyProps, ImportId, ValidationError } from '../../lib';
import { newStack, only, resolve, synth } from '../support/synth';

describe('ApiKey', () => {
  test('GIVEN a name WHEN synthesized THEN an enabled aws_api_gateway_api_key without a value and no output', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    const key = new ApiKey(stack, 'PartnerKey', { name: 'partner', description: 'for partners' });
    // THEN
    const json = synth(stack) as any;
    expect(only(json, 'aws_api_gateway_api_key')).toEqual({ name: 'partner', description: 'for partners', enabled: true });
    expect(json.output).toBeUndefined();
    expect(key.valueOutput).toBeUndefined();
    expect(resolve(stack, key.apiKeyId)).toMatch(/^\$\{aws_api_gateway_api_key\..*\.id\}$/);
  });

  test('GIVEN a value WHEN synthesized THEN the value is set and its output is marked sensitive', () => {
    // GIVEN
    const stack = newStack();
    // WHEN
    const key = new ApiKey(stack, 'PartnerKey', { name: 'partner', enabled: false, value: 'abcdefghijklmnopqrst12345', customerId: 'c-1', tags: { team: 'a' } });
    // THEN
    const json = synth(stack) as any;
    expect(only(json, 'aws_api_gateway_api_key')).toEqual({
      name: 'partner', enabled: false, value: 'abcdefghijklmnopqrst12345', customer_id: 'c-1', tags: { team: 'a' },
    });
    const outputs = Object.values(json.output) as any[];
    expect(outputs).toEqual([{ value: resolve(stack, `\${${(key.node.defaultChild as any).fqn}.value}`), sensitive: true, description: 'Value of the API key partner' }]);
    expect(outputs[0].value).toMatch(/^\$\{aws_api_gateway_api_key\..*\.value\}$/);
  });

  test('GIVEN no props THEN the name comes from the construct path', () => {
    const stack = newStack();
    new ApiKey(stack, 'Key');
    expect(only(synth(stack), 'aws_api_gateway_api_key').name).toBe('stack-Key');
  });

  test('GIVEN importFrom THEN an import block with the key ID', () => {
    const stack = newStack();
    new ApiKey(stack, 'Key').importFrom(ImportId.apiKey('k123'));
    expect((JSON.parse(Testing.synth(stack)) as any).import).toEqual([expect.objectContaining({ id: 'k123' })]);
  });

  test.each<[string, ApiKeyProps, RegExp]>([
    ['a value of 19 characters', { value: 'a'.repeat(19) }, /stack\/Key: invalid value "\(19 characters\)": API Gateway takes API key values of 20 to 128 characters/],
    ['a value of 129 characters', { value: 'a'.repeat(129) }, /invalid value "\(129 characters\)"/],
    ['a value with a space', { value: 'abcdefghij klmnopqrstu' }, /invalid value "\(a value with white space\)"/],
    ['an empty name', { name: '' }, /invalid name "": an API key name is required/],
    ['enabled as a string', { enabled: 'yes' as unknown as boolean }, /invalid enabled "yes": must be true or false/],
    ['a null value', { value: null as unknown as string }, /stack\/Key: invalid value null: a string of 20 to 128 characters, or leave it out/],
  ])('GIVEN %s THEN a ValidationError that does not leak the value', (_what, props, message) => {
    const stack = newStack();
    let error: unknown;
    try {
      new ApiKey(stack, 'Key', props);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(message);
    if (props.value) expect((error as Error).message).not.toContain(props.value);
    expect(stack.node.tryFindChild('Key')).toBeUndefined();
  });
});
