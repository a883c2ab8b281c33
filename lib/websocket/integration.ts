import type { Apigatewayv2Integration } from '@cdktf/provider-aws/lib/apigatewayv2-integration';
import { Construct } from 'constructs';
import { literal } from '../core/escape';
import { keyedId } from '../core/ids';
import { brand, freeId, hasBrand, Rollback } from '../core/protocol';
import { markStructural } from '../core/redeployment';
import { PassthroughBehavior } from '../core/enums';
import { APIGATEWAY_SERVICE_ARN, HTTP_URL, IAM_PRINCIPAL_ARN, LAMBDA_FUNCTION_ARN } from '../core/patterns';
import { checkInteger, checkKinds, checkNonEmpty, checkOneOf, checkPattern, invalid, normalizeHttpMethod, pathOf, unresolved } from '../core/validation';
import { WebSocketApi } from './api';
import { ContentHandlingStrategy, IntegrationResponse, IntegrationResponseOptions } from './integration-response';
import { providerAws } from '../core/provider';

/** The kind of backend a WebSocket integration calls. */
export enum IntegrationType {
  /** No backend: API Gateway answers from the integration responses. */
  MOCK = 'MOCK',
  /** An HTTP endpoint, with mapping templates. */
  HTTP = 'HTTP',
  /** An HTTP endpoint receiving the message as it is. */
  HTTP_PROXY = 'HTTP_PROXY',
  /** An AWS service action, with mapping templates. */
  AWS = 'AWS',
  /** A Lambda function receiving the whole event. */
  AWS_PROXY = 'AWS_PROXY',
}

/** Settings of a WebSocket integration, given to `api.addIntegration()`. */
export interface IntegrationOptions {
  /** The kind of backend. */
  readonly type: IntegrationType;

  /**
   * URI of the backend: an `http(s)://` URL, or an `arn:...:apigateway:...` or Lambda invocation ARN.
   * Required for every type but MOCK.
   * @default - none (MOCK)
   */
  readonly integrationUri?: string;

  /**
   * HTTP method used to call the backend; required for HTTP and HTTP_PROXY.
   * @default - none
   */
  readonly integrationMethod?: string;

  /**
   * Request templates by template key, selected by `templateSelectionExpression`.
   * @default - none
   */
  readonly requestTemplates?: { [key: string]: string };

  /**
   * Request parameters sent to the backend (`integration.request.header.{name}` and so on).
   * @default - none
   */
  readonly requestParameters?: { [key: string]: string };

  /**
   * Expression that selects the request template.
   * @default - none
   */
  readonly templateSelectionExpression?: string;

  /**
   * Conversion of the request payload.
   * @default - passed through
   */
  readonly contentHandlingStrategy?: ContentHandlingStrategy;

  /**
   * What happens to messages whose template key has no template.
   * @default - API Gateway's default, WHEN_NO_MATCH
   */
  readonly passthroughBehavior?: PassthroughBehavior;

  /**
   * ARN of the IAM role API Gateway assumes to call the backend.
   * @default - none
   */
  readonly credentialsArn?: string;

  /**
   * Timeout in milliseconds, 50 to 29000.
   * @default 29000
   */
  readonly timeoutMilliseconds?: number;
}

/** Properties of a WebSocket integration created with `new Integration()`. */
export interface IntegrationProps extends IntegrationOptions {
  /** The API of the integration. */
  readonly api: WebSocketApi;
}

/**
 * An integration of a WebSocket API (`aws_apigatewayv2_integration`). Routes target it with
 * `integrations/<id>`, and its integration responses reference it.
 */
export class Integration extends Construct {
  /** Whether `x` is a WebSocket `Integration`, also across two copies of the package. */
  public static isIntegration(x: unknown): x is Integration {
    return hasBrand(x, 'websocket.Integration');
  }

  /** The kind of backend. */
  public readonly type: IntegrationType;

  /** The API of the integration. */
  public readonly api: WebSocketApi;

  /** ID of the integration. */
  public readonly integrationId: string;

  private readonly resource: Apigatewayv2Integration;
  private readonly _responses: IntegrationResponse[] = [];

  constructor(scope: Construct, id: string, props: IntegrationProps) {
    super(scope, freeId(scope, id));
    brand(this, 'websocket.Integration');
    const api = props?.api;
    if (!WebSocketApi.isWebSocketApi(api)) {
      scope.node.tryRemoveChild(id);
      throw invalid(`${pathOf(scope)}/${id}`, 'api', api, 'the WebSocketApi of the integration');
    }
    const rollback = new Rollback(this);
    try {
      checkKinds(this, props, {
        type: 'string', integrationUri: 'string', integrationMethod: 'string', requestTemplates: 'map<string>', requestParameters: 'map<string>',
        templateSelectionExpression: 'string', contentHandlingStrategy: 'string', passthroughBehavior: 'string', credentialsArn: 'string',
        timeoutMilliseconds: 'number',
      });
      const integrationMethod = validate(this, props);
      this.api = props.api;
      this.type = props.type;
      this.resource = new providerAws.Apigatewayv2Integration(this, 'Resource', literal({
        apiId: api.apiId,
        integrationType: props.type,
        integrationUri: props.integrationUri,
        integrationMethod,
        requestTemplates: props.requestTemplates,
        requestParameters: props.requestParameters,
        templateSelectionExpression: props.templateSelectionExpression,
        contentHandlingStrategy: props.contentHandlingStrategy,
        passthroughBehavior: props.passthroughBehavior,
        credentialsArn: props.credentialsArn,
        timeoutMilliseconds: props.timeoutMilliseconds,
      }));
      this.node.defaultChild = this.resource;
      markStructural(this.resource, 'api_id');
      this.integrationId = this.resource.id;
      const l1 = this.resource;
      api._members.register({ construct: this, hashed: () => [l1], mustPrecede: () => [l1] });
    } catch (e) {
      throw rollback.undo(e, api._members);
    }
  }

  /** The integration responses, in the order they were added. */
  public get responses(): IntegrationResponse[] {
    return [...this._responses];
  }

  /**
   * Adds an integration response, selected by its `integrationResponseKey`
   * (`IntegrationResponseKey.DEFAULT`, `fromStatusCode(404)` or `fromPattern('4\\d{2}')`).
   */
  public addResponse(options: IntegrationResponseOptions): IntegrationResponse {
    const key = options?.integrationResponseKey?.key;
    const id = keyedId('Response_', key, this._responses.length);
    this._checkResponseKey(`${pathOf(this)}/${id}`, key);
    return new IntegrationResponse(this, id, { ...options, integration: this });
  }

  /** Rejects a second response with the same key. @internal */
  public _checkResponseKey(where: string, key: string | undefined): void {
    if (key !== undefined && this._responses.some((r) => r.integrationResponseKey.key === key)) {
      throw invalid(where, 'integrationResponseKey', key, 'the integration already has a response with this key; each key is used once');
    }
  }

  /** Registers an integration response; returns the undo step. @internal */
  public _attachResponse(response: IntegrationResponse): () => void {
    this._checkResponseKey(pathOf(response), response.integrationResponseKey.key);
    this._responses.push(response);
    return () => this._responses.splice(this._responses.indexOf(response), 1);
  }

  /** Adopts an existing integration (`API-ID/INTEGRATION-ID`). */
  public importFrom(id: string): void {
    this.resource.importFrom(id);
  }
}

function validate(scope: Integration, props: IntegrationProps): string | undefined {
  checkOneOf(scope, 'type', props.type, Object.values(IntegrationType));
  if (props.type === IntegrationType.MOCK) {
    if (props.integrationUri !== undefined) {
      throw invalid(scope, 'integrationUri', props.integrationUri, 'a MOCK integration calls no backend and takes no integrationUri');
    }
  } else {
    if (props.integrationUri === undefined) {
      throw invalid(scope, 'integrationUri', undefined, `a ${props.type} integration needs the URI of its backend`);
    }
    checkNonEmpty(scope, 'integrationUri', props.integrationUri, 'the backend URI');
    const http = props.type === IntegrationType.HTTP || props.type === IntegrationType.HTTP_PROXY;
    if (!unresolved(props.integrationUri)) {
      if (http && !HTTP_URL.test(props.integrationUri)) {
        throw invalid(scope, 'integrationUri', props.integrationUri, `a ${props.type} integration's URI is an http:// or https:// URL`);
      }
      if (!http && !APIGATEWAY_SERVICE_ARN.test(props.integrationUri) && !LAMBDA_FUNCTION_ARN.test(props.integrationUri)) {
        throw invalid(scope, 'integrationUri', props.integrationUri, `a ${props.type} integration's URI is an ARN (arn:aws:apigateway:... or a Lambda function ARN)`);
      }
    }
    if (http && props.integrationMethod === undefined) {
      throw invalid(scope, 'integrationMethod', undefined, `a ${props.type} integration needs the HTTP method used to call its backend`);
    }
  }
  checkOneOf(scope, 'contentHandlingStrategy', props.contentHandlingStrategy, Object.values(ContentHandlingStrategy));
  checkOneOf(scope, 'passthroughBehavior', props.passthroughBehavior, Object.values(PassthroughBehavior));
  checkInteger(scope, 'timeoutMilliseconds', props.timeoutMilliseconds, 50, 29000);
  if (props.templateSelectionExpression !== undefined) {
    checkNonEmpty(scope, 'templateSelectionExpression', props.templateSelectionExpression, 'the template selection expression');
  }
  checkPattern(scope, 'credentialsArn', props.credentialsArn, IAM_PRINCIPAL_ARN, 'an IAM role ARN such as arn:aws:iam::123456789012:role/name');
  return props.integrationMethod === undefined ? undefined : normalizeHttpMethod(scope, 'integrationMethod', props.integrationMethod);
}
