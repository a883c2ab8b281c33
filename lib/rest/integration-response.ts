import { ApiGatewayIntegrationResponse } from '@cdktf/provider-aws/lib/api-gateway-integration-response';
import { dependable, Lazy, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { literal } from '../core/escape';
import { brand, freeId, hasBrand, Rollback } from '../core/protocol';
import { markStructural } from '../core/redeployment';
import {
  checkIntegrationResponseParameters, checkKinds, checkMediaTypeKeys, checkOneOf, checkSelectionPattern, checkStatusCode, invalid,
  METHOD_RESPONSE_HEADER, pathOf, unresolved, ValidationError,
} from '../core/validation';
import { ImportId } from './import-id';
import { ContentHandling, Integration } from './integration';
import type { MethodResponse } from './method-response';
import { integrationResponsePart } from './openapi/parts';
import { chainMember, RestApiSynthesis } from './openapi/synthesis';

/** An integration response, as given to `addResponse()` or `IntegrationOptions.integrationResponses`. */
export interface IntegrationResponseOptions {
  /**
   * Status code of the method response this backend result becomes. The method must have a
   * method response with this status code.
   */
  readonly statusCode: string;

  /**
   * Regular expression matched against the backend's error message (Lambda, AWS) or HTTP
   * status code (HTTP) to select this response. One response of an integration may leave it
   * out: that response is the default.
   * @default - this response is the default
   */
  readonly selectionPattern?: string;

  /**
   * Headers of the method response, `method.response.header.{name}`, mapped from
   * `integration.response.header.{name}`, `integration.response.body[.{json-path}]`,
   * `stageVariables.{name}`, `context.{name}` or a `'static value'`. Each header must be
   * declared by the method response.
   * @default - none
   */
  readonly responseParameters?: { [header: string]: string };

  /**
   * Response mapping templates by content type.
   * @default - the backend's body passes through
   */
  readonly responseTemplates?: { [contentType: string]: string };

  /**
   * Conversion of the response payload.
   * @default - the payload is passed through
   */
  readonly contentHandling?: ContentHandling;
}

/** Properties of an integration response created with `new IntegrationResponse()`. */
export interface IntegrationResponseProps extends IntegrationResponseOptions {
  /** The integration the response belongs to. */
  readonly integration: Integration;
}

/**
 * How a backend result becomes a method response (`aws_api_gateway_integration_response`).
 *
 * Its `http_method` references its integration and its `status_code` references the method
 * response with the same status code, so Terraform creates it after both, without a
 * `depends_on` written by hand.
 *
 * In an API with `RestApiSynthesis.OPENAPI_BODY` it is part of the API's OpenAPI body and has no
 * Terraform resource of its own: `node.defaultChild` is undefined and `importFrom()` does nothing.
 */
export class IntegrationResponse extends Construct {
  /** Whether `x` is an `IntegrationResponse`, also across two copies of the package. */
  public static isIntegrationResponse(x: unknown): x is IntegrationResponse {
    return hasBrand(x, 'IntegrationResponse');
  }

  /** Status code of the method response it maps to. */
  public readonly statusCode: string;

  /** The selection pattern; undefined for the default response. */
  public readonly selectionPattern?: string;

  /** Header mappings. */
  public readonly responseParameters?: { [header: string]: string };

  /** Mapping templates by content type. */
  public readonly responseTemplates?: { [contentType: string]: string };

  /** Payload conversion. */
  public readonly contentHandling?: ContentHandling;

  /** The integration of the response. */
  public readonly integration: Integration;

  private readonly resource: ApiGatewayIntegrationResponse;

  constructor(scope: Construct, id: string, props: IntegrationResponseProps) {
    super(scope, freeId(scope, id, (where) => {
      if (Integration.isIntegration(props?.integration)) props.integration._checkResponse(where, props.statusCode, props.selectionPattern);
    }));
    brand(this, 'IntegrationResponse');
    const integration = props?.integration;
    if (!Integration.isIntegration(integration)) {
      scope.node.tryRemoveChild(id);
      throw invalid(`${pathOf(scope)}/${id}`, 'integration', integration, 'the Integration the response belongs to');
    }
    this.integration = integration;
    const method = integration.method;
    const rollback = new Rollback(this);
    try {
      checkKinds(this, props, {
        statusCode: 'string', selectionPattern: 'string', responseParameters: 'map<string>', responseTemplates: 'map<string>', contentHandling: 'string',
      });
      checkStatusCode(this, 'statusCode', props.statusCode);
      checkSelectionPattern(this, 'selectionPattern', props.selectionPattern);
      checkIntegrationResponseParameters(this, props.responseParameters);
      checkMediaTypeKeys(this, 'responseTemplates', props.responseTemplates);
      checkOneOf(this, 'contentHandling', props.contentHandling, Object.values(ContentHandling));
      this.statusCode = props.statusCode;
      this.selectionPattern = props.selectionPattern;
      this.responseParameters = props.responseParameters;
      this.responseTemplates = props.responseTemplates;
      this.contentHandling = props.contentHandling;
      rollback.add(integration._attachResponse(this));

      this.resource = new ApiGatewayIntegrationResponse(this, 'Resource', literal({
        ...integration._refs,
        // The method response is usually there already; otherwise it is looked up at synth.
        statusCode: method.api.synthesis === RestApiSynthesis.OPENAPI_BODY
          ? props.statusCode
          : this.methodResponse?._statusCodeRef ?? Lazy.stringValue({ produce: () => this.statusCodeReference() }),
        selectionPattern: props.selectionPattern,
        responseParameters: props.responseParameters,
        responseTemplates: props.responseTemplates,
        contentHandling: props.contentHandling,
      }));
      markStructural(this.resource, 'rest_api_id', 'resource_id', 'http_method');
      // A plain status code is in the construct path; a reference to the method response is structure too.
      if (!unresolved(props.statusCode)) markStructural(this.resource, 'status_code');
      if (unresolved(props.statusCode)) {
        // A token status code cannot be matched to a method response: wait for all of them.
        this.resource.dependsOn = Lazy.listValue({
          produce: () => method.methodResponses.map((r) => dependable(r.node.defaultChild as TerraformResource)),
        });
      }
      const l1 = this.resource;
      method.api._members.register(chainMember(this, method.api, l1, {
        adopt: (adoption) => l1.importFrom(
          ImportId.integrationResponse(adoption.restApiId, adoption.resourceIdOf(method.resource), method.httpMethod, this.statusCode)),
        openApi: (document) => integrationResponsePart(document, this),
      }));
      this.node.addValidation({ validate: () => this.problems() });
    } catch (e) {
      throw rollback.undo(e, method.api._members);
    }
  }

  /** The method response this integration response maps to, if the method has one. */
  public get methodResponse(): MethodResponse | undefined {
    return this.integration.method.methodResponse(this.statusCode);
  }

  /** Adopts an existing integration response (`REST-API-ID/RESOURCE-ID/HTTP-METHOD/STATUS-CODE`). */
  public importFrom(id: string): void {
    this.resource.importFrom(id);
  }

  /** The status code as a reference to the method response, which orders this after it. */
  private statusCodeReference(): string {
    const [problem] = this.problems();
    if (problem) {
      throw new ValidationError(pathOf(this), problem);
    }
    return this.methodResponse?._statusCodeRef ?? this.statusCode;
  }

  /** Checks that need the whole method: the method response and the headers it declares. */
  private problems(): string[] {
    if (unresolved(this.statusCode)) return [];
    const method = this.integration.method;
    const response = this.methodResponse;
    if (!response) {
      const declared = method.methodResponses.map((r) => r.statusCode);
      return [`integration response statusCode "${this.statusCode}" has no method response with status code ${this.statusCode} ` +
        `on ${method.httpMethod} ${method.resource.path} (method responses: ${declared.length ? declared.join(', ') : 'none'}). ` +
        `Add it with method.addMethodResponse({ statusCode: '${this.statusCode}' }).`];
    }
    const problems: string[] = [];
    const params = this.responseParameters;
    if (params && !unresolved(params)) {
      const declared = response.responseParameters ?? {};
      for (const key of Object.keys(params)) {
        if (unresolved(key) || unresolved(declared) || !METHOD_RESPONSE_HEADER.test(key)) continue;
        if (!(key in declared)) {
          problems.push(`integration response responseParameters maps "${key}", which the ${this.statusCode} method response does not declare ` +
            `(declared: ${Object.keys(declared).join(', ') || 'none'}). Add it with responseParameters: { '${key}': true } on the method response.`);
        }
      }
    }
    return problems;
  }
}
