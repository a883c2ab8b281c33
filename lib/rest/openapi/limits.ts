import { Annotations } from 'cdktf';
import { hasBrand } from '../../core/protocol';
import type { RestApi } from '../rest-api';
import { RestApiSynthesis } from './synthesis';

/** API Gateway's default quota of resources per REST API, the root included; it can be raised per API. */
export const RESOURCES_PER_API = 300;

/** API Gateway's default quota of stages per REST API; it can be raised. */
export const STAGES_PER_API = 10;

/** The largest OpenAPI definition PutRestApi and ImportRestApi take (6 MB, a fixed quota). */
export const MAX_DEFINITION_BYTES = 6 * 1024 * 1024;

/**
 * Checks an API against API Gateway's quotas once its tree is complete: a warning above the
 * default quotas that can be raised (resources and stages per API), an error for a body larger
 * than API Gateway imports.
 */
export function checkApiLimits(api: RestApi): void {
  // Run with the validations, once the tree is complete; the warnings are a side effect.
  let warned = false;
  api.node.addValidation({
    validate: () => {
      if (!warned) warnAboveQuotas(api);
      warned = true;
      return [];
    },
  });
  if (api.synthesis === RestApiSynthesis.OPENAPI_BODY) {
    api.node.addValidation({
      validate: () => {
        const bytes = Buffer.byteLength(api._bodyText(), 'utf8');
        return bytes > MAX_DEFINITION_BYTES
          ? [`the OpenAPI body is ${bytes} bytes, and API Gateway imports definitions of at most ${MAX_DEFINITION_BYTES} bytes (6 MB, a fixed quota). ` +
            'Split the API, or use RestApiSynthesis.RESOURCES.']
          : [];
      },
    });
  }
}

function warnAboveQuotas(api: RestApi): void {
  const constructs = api._members.all().map((m) => m.construct);
  // The root is a resource too, and API Gateway counts it.
  const resources = 1 + constructs.filter((c) => hasBrand(c, 'Resource')).length;
  if (resources > RESOURCES_PER_API) {
    Annotations.of(api).addWarning(
      `the REST API has ${resources} resources (paths), above API Gateway's default quota of ${RESOURCES_PER_API} resources per API, ` +
      'and API Gateway will refuse the ones above it. The quota can be raised for this API: request an increase of "Resources per API" ' +
      'for Amazon API Gateway in the Service Quotas console (or with aws service-quotas request-service-quota-increase), or through the AWS Support Center.');
  }
  const stages = constructs.filter((c) => hasBrand(c, 'rest.Stage')).length;
  if (stages > STAGES_PER_API) {
    Annotations.of(api).addWarning(
      `the REST API has ${stages} stages, above API Gateway's default quota of ${STAGES_PER_API} stages per API; ` +
      'request an increase of "Stages per API" in the Service Quotas console before applying.');
  }
}
