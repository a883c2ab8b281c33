import { TerraformStack } from 'cdktf';
import { AuthorizationType, MockIntegration, RestApi } from '../../lib';

/** Routes of the larger test API: nested paths, several methods and status codes. */
export const ROUTES: Array<{ path: string; method: string; codes: string[] }> = [
  { path: 'pets', method: 'GET', codes: ['200', '500'] },
  { path: 'pets', method: 'POST', codes: ['201', '400', '500'] },
  { path: 'pets/{petId}', method: 'GET', codes: ['200', '404'] },
  { path: 'pets/{petId}', method: 'DELETE', codes: ['204', '404'] },
  { path: 'pets/{petId}/toys', method: 'GET', codes: ['200'] },
  { path: 'pets/{petId}/toys/{toyId}', method: 'PUT', codes: ['200', '409', '500'] },
  { path: 'owners', method: 'GET', codes: ['200'] },
];

const pattern = (code: string, i: number) => (i === 0 ? undefined : `.*"status":${code}.*`);

/**
 * The larger API, built in the options form (responses given to addMethod) or the chain form
 * (responses added afterwards, integration responses before method responses).
 */
export function buildPetStore(stack: TerraformStack, form: 'options' | 'chain', id = 'PetStore'): RestApi {
  const api = new RestApi(stack, id, { name: 'pet-store' });
  for (const route of ROUTES) {
    const resource = api.root.resourceForPath(route.path);
    const template = { 'application/json': `{ "statusCode": ${route.codes[0]} }` };
    if (form === 'options') {
      resource.addMethod(route.method, new MockIntegration({
        requestTemplates: template,
        integrationResponses: route.codes.map((statusCode, i) => ({ statusCode, selectionPattern: pattern(statusCode, i) })),
      }), {
        authorization: AuthorizationType.NONE,
        methodResponses: route.codes.map((statusCode) => ({ statusCode })),
      });
    } else {
      const method = resource.addMethod(route.method, undefined, { authorization: AuthorizationType.NONE });
      const integration = method.addIntegration(new MockIntegration({ requestTemplates: template }));
      route.codes.forEach((statusCode, i) => integration.addResponse({ statusCode, selectionPattern: pattern(statusCode, i) }));
      route.codes.forEach((statusCode) => method.addMethodResponse({ statusCode }));
    }
  }
  return api;
}
