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
