import { TerraformStack } from 'cdktf';
import { formatImportId, idSegment, importCommands, parseImportId, Segment } from '../core/import-id';
import { HTTP_METHODS, STATUS_CODE } from '../core/patterns';

/** The parts of a REST API import ID (`REST-API-ID`). */
export interface RestApiImportIdParts {
  /** ID of the REST API. */
  readonly restApiId: string;
}

/** The parts of a resource import ID (`REST-API-ID/RESOURCE-ID`). */
export interface ResourceImportIdParts extends RestApiImportIdParts {
  /** ID of the resource. */
  readonly resourceId: string;
}

/** The parts of a method or integration import ID (`REST-API-ID/RESOURCE-ID/HTTP-METHOD`). */
export interface MethodImportIdParts extends ResourceImportIdParts {
  /** HTTP method, upper case. */
  readonly httpMethod: string;
}

/**
 * The parts of a method response or integration response import ID
 * (`REST-API-ID/RESOURCE-ID/HTTP-METHOD/STATUS-CODE`).
 */
export interface ResponseImportIdParts extends MethodImportIdParts {
  /** HTTP status code. */
  readonly statusCode: string;
}

/** The parts of a deployment import ID (`REST-API-ID/DEPLOYMENT-ID`). */
export interface DeploymentImportIdParts extends RestApiImportIdParts {
  /** ID of the deployment. */
  readonly deploymentId: string;
}

/** The parts of a stage import ID (`REST-API-ID/STAGE-NAME`). */
export interface StageImportIdParts extends RestApiImportIdParts {
  /** Name of the stage. */
  readonly stageName: string;
}

/** The parts of a model import ID (`REST-API-ID/MODEL-NAME`). */
export interface ModelImportIdParts extends RestApiImportIdParts {
  /** Name of the model. */
  readonly modelName: string;
}

/** The parts of a request validator import ID (`REST-API-ID/REQUEST-VALIDATOR-ID`). */
export interface RequestValidatorImportIdParts extends RestApiImportIdParts {
  /** ID of the request validator. */
  readonly requestValidatorId: string;
}

/** The parts of a gateway response import ID (`REST-API-ID/RESPONSE-TYPE`). */
export interface GatewayResponseImportIdParts extends RestApiImportIdParts {
  /** Gateway response type, such as `DEFAULT_4XX`. */
  readonly responseType: string;
}

/** The parts of a usage plan import ID (`USAGE-PLAN-ID`). */
export interface UsagePlanImportIdParts {
  /** ID of the usage plan. */
  readonly usagePlanId: string;
}

/** The parts of an API key import ID (`API-KEY-ID`). */
export interface ApiKeyImportIdParts {
  /** ID of the API key. */
  readonly apiKeyId: string;
}

/** The parts of a usage plan key import ID (`USAGE-PLAN-ID/KEY-ID`). */
export interface UsagePlanKeyImportIdParts extends UsagePlanImportIdParts {
  /** ID of the API key. */
  readonly keyId: string;
}

/** The parts of a custom domain import ID (`DOMAIN-NAME`). */
export interface DomainNameImportIdParts {
  /** The domain name. */
  readonly domainName: string;
}

/** The parts of a base path mapping import ID (`DOMAIN-NAME/BASE-PATH`, `DOMAIN-NAME/` for the root). */
export interface BasePathMappingImportIdParts extends DomainNameImportIdParts {
  /** The base path, `''` for the root mapping. */
  readonly basePath: string;
}

/** The parts of an authorizer import ID (`REST-API-ID/AUTHORIZER-ID`). */
export interface AuthorizerImportIdParts extends RestApiImportIdParts {
  /** ID of the authorizer. */
  readonly authorizerId: string;
}

const httpMethodSegment: Segment = {
  label: 'HTTP-METHOD',
  check: (v) => (HTTP_METHODS as readonly string[]).includes(v) ? undefined : `HTTP method "${v}" is not one of ${HTTP_METHODS.join(', ')}`,
};
const statusCodeSegment: Segment = {
  label: 'STATUS-CODE',
  check: (v) => STATUS_CODE.test(v) ? undefined : `status code "${v}" is not three digits from 100 to 599`,
};
const REST_API = [idSegment('REST-API-ID')];
const RESOURCE = [...REST_API, idSegment('RESOURCE-ID')];
const METHOD = [...RESOURCE, httpMethodSegment];
const RESPONSE = [...METHOD, statusCodeSegment];
const DEPLOYMENT = [...REST_API, idSegment('DEPLOYMENT-ID')];
const STAGE = [...REST_API, idSegment('STAGE-NAME')];
const MODEL = [...REST_API, {
  label: 'MODEL-NAME',
  check: (v: string) => /^[A-Za-z0-9]+$/.test(v) ? undefined : `model name "${v}" is not letters and digits`,
}];
const REQUEST_VALIDATOR = [...REST_API, idSegment('REQUEST-VALIDATOR-ID')];
const GATEWAY_RESPONSE = [...REST_API, {
  label: 'RESPONSE-TYPE',
  check: (v: string) => /^[A-Z][A-Z0-9_]*$/.test(v) ? undefined : `response type "${v}" is not upper case with underscores, such as DEFAULT_4XX`,
}];
const USAGE_PLAN = [idSegment('USAGE-PLAN-ID')];
const API_KEY = [idSegment('API-KEY-ID')];
const USAGE_PLAN_KEY = [...USAGE_PLAN, idSegment('KEY-ID')];
const domainSegment: Segment = {
  label: 'DOMAIN-NAME',
  check: (v) => (/^(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(v) ? undefined : `domain name "${v}" is not a host name`),
};
const DOMAIN = [domainSegment];
const basePathSegment: Segment = {
  label: 'BASE-PATH',
  check: (v) => (/^[A-Za-z0-9$\-_.+!*'()]+$/.test(v) ? undefined : `base path "${v}" has characters API Gateway refuses`),
};
const BASE_PATH_MAPPING = [domainSegment, basePathSegment];
const AUTHORIZER = [...REST_API, idSegment('AUTHORIZER-ID')];

/**
 * Formats and parses the `terraform import` IDs of the REST API resources,
 * in the formats the AWS provider documents.
 *
 * The same IDs are used by `RestApi.importExisting()` for Terraform `import` blocks.
 *
 * @example
 * ImportId.integrationResponse('12345abcde', '67890fghij', 'GET', '200'); // '12345abcde/67890fghij/GET/200'
 */
export class ImportId {
  /** `REST-API-ID` of an `aws_api_gateway_rest_api`. */
  public static restApi(restApiId: string): string {
    return formatImportId('ImportId.restApi', REST_API, [restApiId]);
  }

  /** `REST-API-ID/RESOURCE-ID` of an `aws_api_gateway_resource`. */
  public static resource(restApiId: string, resourceId: string): string {
    return formatImportId('ImportId.resource', RESOURCE, [restApiId, resourceId]);
  }

  /** `REST-API-ID/RESOURCE-ID/HTTP-METHOD` of an `aws_api_gateway_method`. */
  public static method(restApiId: string, resourceId: string, httpMethod: string): string {
    return formatImportId('ImportId.method', METHOD, [restApiId, resourceId, httpMethod]);
  }

  /** `REST-API-ID/RESOURCE-ID/HTTP-METHOD` of an `aws_api_gateway_integration`. */
  public static integration(restApiId: string, resourceId: string, httpMethod: string): string {
    return formatImportId('ImportId.integration', METHOD, [restApiId, resourceId, httpMethod]);
  }

  /** `REST-API-ID/RESOURCE-ID/HTTP-METHOD/STATUS-CODE` of an `aws_api_gateway_method_response`. */
  public static methodResponse(restApiId: string, resourceId: string, httpMethod: string, statusCode: string): string {
    return formatImportId('ImportId.methodResponse', RESPONSE, [restApiId, resourceId, httpMethod, statusCode]);
  }

  /** `REST-API-ID/RESOURCE-ID/HTTP-METHOD/STATUS-CODE` of an `aws_api_gateway_integration_response`. */
  public static integrationResponse(restApiId: string, resourceId: string, httpMethod: string, statusCode: string): string {
    return formatImportId('ImportId.integrationResponse', RESPONSE, [restApiId, resourceId, httpMethod, statusCode]);
  }

  /** `REST-API-ID/DEPLOYMENT-ID` of an `aws_api_gateway_deployment`. */
  public static deployment(restApiId: string, deploymentId: string): string {
    return formatImportId('ImportId.deployment', DEPLOYMENT, [restApiId, deploymentId]);
  }

  /** `REST-API-ID/STAGE-NAME` of an `aws_api_gateway_stage`. */
  public static stage(restApiId: string, stageName: string): string {
    return formatImportId('ImportId.stage', STAGE, [restApiId, stageName]);
  }

  /** `REST-API-ID/MODEL-NAME` of an `aws_api_gateway_model`. */
  public static model(restApiId: string, modelName: string): string {
    return formatImportId('ImportId.model', MODEL, [restApiId, modelName]);
  }

  /** `REST-API-ID/REQUEST-VALIDATOR-ID` of an `aws_api_gateway_request_validator`. */
  public static requestValidator(restApiId: string, requestValidatorId: string): string {
    return formatImportId('ImportId.requestValidator', REQUEST_VALIDATOR, [restApiId, requestValidatorId]);
  }

  /** `REST-API-ID/RESPONSE-TYPE` of an `aws_api_gateway_gateway_response`. */
  public static gatewayResponse(restApiId: string, responseType: string): string {
    return formatImportId('ImportId.gatewayResponse', GATEWAY_RESPONSE, [restApiId, responseType]);
  }

  /** Parses `REST-API-ID`. */
  public static parseRestApi(id: string): RestApiImportIdParts {
    const [restApiId] = parseImportId('ImportId.parseRestApi', id, REST_API);
    return { restApiId };
  }

  /** Parses `REST-API-ID/RESOURCE-ID`. */
  public static parseResource(id: string): ResourceImportIdParts {
    const [restApiId, resourceId] = parseImportId('ImportId.parseResource', id, RESOURCE);
    return { restApiId, resourceId };
  }

  /** Parses `REST-API-ID/RESOURCE-ID/HTTP-METHOD` (a method). */
  public static parseMethod(id: string): MethodImportIdParts {
    return parseMethodLike('ImportId.parseMethod', id);
  }

  /** Parses `REST-API-ID/RESOURCE-ID/HTTP-METHOD` (an integration). */
  public static parseIntegration(id: string): MethodImportIdParts {
    return parseMethodLike('ImportId.parseIntegration', id);
  }

  /** Parses `REST-API-ID/RESOURCE-ID/HTTP-METHOD/STATUS-CODE` (a method response). */
  public static parseMethodResponse(id: string): ResponseImportIdParts {
    return parseResponseLike('ImportId.parseMethodResponse', id);
  }

  /** Parses `REST-API-ID/RESOURCE-ID/HTTP-METHOD/STATUS-CODE` (an integration response). */
  public static parseIntegrationResponse(id: string): ResponseImportIdParts {
    return parseResponseLike('ImportId.parseIntegrationResponse', id);
  }

  /** Parses `REST-API-ID/DEPLOYMENT-ID`. */
  public static parseDeployment(id: string): DeploymentImportIdParts {
    const [restApiId, deploymentId] = parseImportId('ImportId.parseDeployment', id, DEPLOYMENT);
    return { restApiId, deploymentId };
  }

  /** Parses `REST-API-ID/STAGE-NAME`. */
  public static parseStage(id: string): StageImportIdParts {
    const [restApiId, stageName] = parseImportId('ImportId.parseStage', id, STAGE);
    return { restApiId, stageName };
  }

  /** Parses `REST-API-ID/MODEL-NAME`. */
  public static parseModel(id: string): ModelImportIdParts {
    const [restApiId, modelName] = parseImportId('ImportId.parseModel', id, MODEL);
    return { restApiId, modelName };
  }

  /** Parses `REST-API-ID/REQUEST-VALIDATOR-ID`. */
  public static parseRequestValidator(id: string): RequestValidatorImportIdParts {
    const [restApiId, requestValidatorId] = parseImportId('ImportId.parseRequestValidator', id, REQUEST_VALIDATOR);
    return { restApiId, requestValidatorId };
  }

  /** Parses `REST-API-ID/RESPONSE-TYPE`. */
  public static parseGatewayResponse(id: string): GatewayResponseImportIdParts {
    const [restApiId, responseType] = parseImportId('ImportId.parseGatewayResponse', id, GATEWAY_RESPONSE);
    return { restApiId, responseType };
  }

  /** `USAGE-PLAN-ID` of an `aws_api_gateway_usage_plan`. */
  public static usagePlan(usagePlanId: string): string {
    return formatImportId('ImportId.usagePlan', USAGE_PLAN, [usagePlanId]);
  }

  /** `API-KEY-ID` of an `aws_api_gateway_api_key`. */
  public static apiKey(apiKeyId: string): string {
    return formatImportId('ImportId.apiKey', API_KEY, [apiKeyId]);
  }

  /** `USAGE-PLAN-ID/KEY-ID` of an `aws_api_gateway_usage_plan_key`. */
  public static usagePlanKey(usagePlanId: string, keyId: string): string {
    return formatImportId('ImportId.usagePlanKey', USAGE_PLAN_KEY, [usagePlanId, keyId]);
  }

  /** `DOMAIN-NAME` of an `aws_api_gateway_domain_name`. */
  public static domainName(domainName: string): string {
    return formatImportId('ImportId.domainName', DOMAIN, [domainName]);
  }

  /**
   * `DOMAIN-NAME/BASE-PATH` of an `aws_api_gateway_base_path_mapping`; the root mapping
   * (an empty or absent base path) is `DOMAIN-NAME/`, as the provider writes it.
   *
   * @default basePath '' - the root mapping
   */
  public static basePathMapping(domainName: string, basePath: string = ''): string {
    if (basePath === '' || basePath === undefined || basePath === null) {
      return `${formatImportId('ImportId.basePathMapping', DOMAIN, [domainName])}/`;
    }
    return formatImportId('ImportId.basePathMapping', BASE_PATH_MAPPING, [domainName, basePath]);
  }

  /** Parses `USAGE-PLAN-ID`. */
  public static parseUsagePlan(id: string): UsagePlanImportIdParts {
    const [usagePlanId] = parseImportId('ImportId.parseUsagePlan', id, USAGE_PLAN);
    return { usagePlanId };
  }

  /** Parses `API-KEY-ID`. */
  public static parseApiKey(id: string): ApiKeyImportIdParts {
    const [apiKeyId] = parseImportId('ImportId.parseApiKey', id, API_KEY);
    return { apiKeyId };
  }

  /** Parses `USAGE-PLAN-ID/KEY-ID`. */
  public static parseUsagePlanKey(id: string): UsagePlanKeyImportIdParts {
    const [usagePlanId, keyId] = parseImportId('ImportId.parseUsagePlanKey', id, USAGE_PLAN_KEY);
    return { usagePlanId, keyId };
  }

  /** Parses `DOMAIN-NAME`. */
  public static parseDomainName(id: string): DomainNameImportIdParts {
    const [domainName] = parseImportId('ImportId.parseDomainName', id, DOMAIN);
    return { domainName };
  }

  /** Parses `DOMAIN-NAME/BASE-PATH`, or `DOMAIN-NAME/` (the root mapping, `basePath` `''`). */
  public static parseBasePathMapping(id: string): BasePathMappingImportIdParts {
    if (typeof id === 'string' && /^[^/]+\/$/.test(id)) {
      const [domainName] = parseImportId('ImportId.parseBasePathMapping', id.slice(0, -1), DOMAIN);
      return { domainName, basePath: '' };
    }
    const [domainName, basePath] = parseImportId('ImportId.parseBasePathMapping', id, BASE_PATH_MAPPING);
    return { domainName, basePath };
  }

  /** `REST-API-ID/AUTHORIZER-ID` of an `aws_api_gateway_authorizer`. */
  public static authorizer(restApiId: string, authorizerId: string): string {
    return formatImportId('ImportId.authorizer', AUTHORIZER, [restApiId, authorizerId]);
  }

  /** Parses `REST-API-ID/AUTHORIZER-ID`. */
  public static parseAuthorizer(id: string): AuthorizerImportIdParts {
    const [restApiId, authorizerId] = parseImportId('ImportId.parseAuthorizer', id, AUTHORIZER);
    return { restApiId, authorizerId };
  }

  /**
   * The `terraform import ADDRESS ID` commands for every resource of a stack that has an import
   * ID (from `importFrom()` or `RestApi.importExisting()`), for Terraform versions without
   * `import` blocks. Run them in the stack's directory under `cdktf.out/stacks/`.
   */
  public static commandsFor(stack: TerraformStack): string[] {
    return importCommands(stack);
  }

  private constructor() {}
}

function parseMethodLike(fn: string, id: string): MethodImportIdParts {
  const [restApiId, resourceId, httpMethod] = parseImportId(fn, id, METHOD);
  return { restApiId, resourceId, httpMethod };
}

function parseResponseLike(fn: string, id: string): ResponseImportIdParts {
  const [restApiId, resourceId, httpMethod, statusCode] = parseImportId(fn, id, RESPONSE);
  return { restApiId, resourceId, httpMethod, statusCode };
}
