import type { Apigatewayv2IntegrationResponse } from '@cdktf/provider-aws/lib/apigatewayv2-integration-response';
import { Construct } from 'constructs';
import { literal } from '../core/escape';
import { brand, freeId, hasBrand, Rollback } from '../core/protocol';
import { markStructural } from '../core/redeployment';
import { checkKinds, checkNonEmpty, checkOneOf, checkSelectionPattern, invalid, pathOf, unresolved, ValidationError } from '../core/validation';
import { Integration } from './integration';
import { providerAws } from '../core/provider';

/** How a WebSocket payload is converted between text and binary. */
export enum ContentHandlingStrategy {
  /** Converts a base64-encoded string payload to binary. */
  CONVERT_TO_BINARY = 'CONVERT_TO_BINARY',
  /** Converts a binary payload to a base64-encoded string. */
  CONVERT_TO_TEXT = 'CONVERT_TO_TEXT',
}

/**
 * The key that selects a WebSocket integration response: `$default`, or a regular expression
 * between slashes matched against the backend's status code.
 */
export class IntegrationResponseKey {
  /** The response used when no other key matches (`$default`). */
  public static readonly DEFAULT = new IntegrationResponseKey('$default');

  /** Selects the response for one status code, 100 to 599: `fromStatusCode(404)` is `/404/`. */
  public static fromStatusCode(statusCode: number): IntegrationResponseKey {
    if (!unresolved(statusCode) && (typeof statusCode !== 'number' || !Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599)) {
      throw invalid('IntegrationResponseKey.fromStatusCode', 'statusCode', statusCode, 'a whole number from 100 to 599');
    }
    return new IntegrationResponseKey(`/${statusCode}/`);
  }

  /** Selects the response for status codes matching a pattern: `fromPattern('4\\d{2}')` is `/4\d{2}/`. */
  public static fromPattern(pattern: string): IntegrationResponseKey {
    const where = 'IntegrationResponseKey.fromPattern';
    checkNonEmpty(where, 'pattern', pattern, 'a regular expression');
    if (!unresolved(pattern) && pattern.length > 1 && pattern.startsWith('/') && pattern.endsWith('/')) {
      throw invalid(where, 'pattern', pattern, 'give the pattern without the enclosing slashes; they are added for you');
    }
    checkSelectionPattern(where, 'pattern', pattern);
    return new IntegrationResponseKey(`/${pattern}/`);
  }

  /** Whether `x` is an `IntegrationResponseKey`, also across two copies of the package. */
  public static isIntegrationResponseKey(x: unknown): x is IntegrationResponseKey {
    return hasBrand(x, 'websocket.IntegrationResponseKey');
  }

  /** @param key the key as API Gateway takes it */
  private constructor(public readonly key: string) {
    brand(this, 'websocket.IntegrationResponseKey');
  }
}

/** A WebSocket integration response, as given to `integration.addResponse()`. */
export interface IntegrationResponseOptions {
  /** Which backend results this response handles. */
  readonly integrationResponseKey: IntegrationResponseKey;

  /**
   * Response templates by template key, selected by `templateSelectionExpression`.
   * @default - none
   */
  readonly responseTemplates?: { [key: string]: string };

  /**
   * Response parameters. The AWS provider's `aws_apigatewayv2_integration_response` has no
   * `response_parameters` argument, so a non-empty map is rejected rather than dropped.
   * @default - none
   */
  readonly responseParameters?: { [key: string]: string };

  /**
   * Expression that selects the response template.
   * @default - none
   */
  readonly templateSelectionExpression?: string;

  /**
   * Conversion of the response payload.
   * @default - passed through
   */
  readonly contentHandlingStrategy?: ContentHandlingStrategy;
}

/** Properties of a WebSocket integration response created with `new IntegrationResponse()`. */
export interface IntegrationResponseProps extends IntegrationResponseOptions {
  /** The integration the response belongs to. */
  readonly integration: Integration;
}

/**
 * A WebSocket integration response (`aws_apigatewayv2_integration_response`). Its
 * `integration_id` references the integration, so Terraform creates it after the integration.
 */
export class IntegrationResponse extends Construct {
  /** Whether `x` is a WebSocket `IntegrationResponse`, also across two copies of the package. */
  public static isIntegrationResponse(x: unknown): x is IntegrationResponse {
    return hasBrand(x, 'websocket.IntegrationResponse');
  }

  /** The key that selects this response. */
  public readonly integrationResponseKey: IntegrationResponseKey;

  /** The integration of the response. */
  public readonly integration: Integration;

  /** ID of the integration response. */
  public readonly integrationResponseId: string;

  private readonly resource: Apigatewayv2IntegrationResponse;

  constructor(scope: Construct, id: string, props: IntegrationResponseProps) {
    super(scope, freeId(scope, id, (where) => {
      if (Integration.isIntegration(props?.integration)) props.integration._checkResponseKey(where, props.integrationResponseKey?.key);
    }));
    brand(this, 'websocket.IntegrationResponse');
    const integration = props?.integration;
    if (!Integration.isIntegration(integration)) {
      scope.node.tryRemoveChild(id);
      throw invalid(`${pathOf(scope)}/${id}`, 'integration', integration, 'the Integration the response belongs to');
    }
    const rollback = new Rollback(this);
    try {
      if (!IntegrationResponseKey.isIntegrationResponseKey(props.integrationResponseKey)) {
        throw invalid(this, 'integrationResponseKey', props.integrationResponseKey,
          'an IntegrationResponseKey: IntegrationResponseKey.DEFAULT, fromStatusCode(404) or fromPattern(\'4\\\\d{2}\')');
      }
      checkKinds(this, props, { responseTemplates: 'map<string>', responseParameters: 'map<string>', templateSelectionExpression: 'string', contentHandlingStrategy: 'string' });
      if (props.responseParameters && Object.keys(props.responseParameters).length > 0) {
        throw new ValidationError(this.node.path, `invalid responseParameters ${JSON.stringify(props.responseParameters)}: ` +
          'aws_apigatewayv2_integration_response has no response_parameters argument in the AWS provider, so Terraform cannot set them; ' +
          'map the response in responseTemplates instead');
      }
      checkOneOf(this, 'contentHandlingStrategy', props.contentHandlingStrategy, Object.values(ContentHandlingStrategy));
      if (props.templateSelectionExpression !== undefined) {
        checkNonEmpty(this, 'templateSelectionExpression', props.templateSelectionExpression, 'the template selection expression');
      }
      this.integration = props.integration;
      this.integrationResponseKey = props.integrationResponseKey;
      this.resource = new providerAws.Apigatewayv2IntegrationResponse(this, 'Resource', literal({
        apiId: integration.api.apiId,
        integrationId: integration.integrationId,
        integrationResponseKey: props.integrationResponseKey.key,
        responseTemplates: props.responseTemplates,
        templateSelectionExpression: props.templateSelectionExpression,
        contentHandlingStrategy: props.contentHandlingStrategy,
      }));
      this.node.defaultChild = this.resource;
      markStructural(this.resource, 'api_id', 'integration_id');
      this.integrationResponseId = this.resource.id;
      rollback.add(integration._attachResponse(this));
      const l1 = this.resource;
      integration.api._members.register({ construct: this, hashed: () => [l1], mustPrecede: () => [l1] });
    } catch (e) {
      throw rollback.undo(e, integration.api._members);
    }
  }

  /** Adopts an existing integration response (`API-ID/INTEGRATION-ID/INTEGRATION-RESPONSE-ID`). */
  public importFrom(id: string): void {
    this.resource.importFrom(id);
  }
}
