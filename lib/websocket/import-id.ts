import { formatImportId, idSegment, parseImportId, Segment } from '../core/import-id';

/** The parts of an API import ID (`API-ID`). */
export interface ApiImportIdParts {
  /** ID of the API. */
  readonly apiId: string;
}

/** The parts of a route import ID (`API-ID/ROUTE-ID`). */
export interface RouteImportIdParts extends ApiImportIdParts {
  /** ID of the route. */
  readonly routeId: string;
}

/** The parts of an integration import ID (`API-ID/INTEGRATION-ID`). */
export interface IntegrationImportIdParts extends ApiImportIdParts {
  /** ID of the integration. */
  readonly integrationId: string;
}

/** The parts of an integration response import ID (`API-ID/INTEGRATION-ID/INTEGRATION-RESPONSE-ID`). */
export interface IntegrationResponseImportIdParts extends IntegrationImportIdParts {
  /** ID of the integration response. */
  readonly integrationResponseId: string;
}

/** The parts of a route response import ID (`API-ID/ROUTE-ID/ROUTE-RESPONSE-ID`). */
export interface RouteResponseImportIdParts extends RouteImportIdParts {
  /** ID of the route response. */
  readonly routeResponseId: string;
}

/** The parts of a deployment import ID (`API-ID/DEPLOYMENT-ID`). */
export interface DeploymentImportIdParts extends ApiImportIdParts {
  /** ID of the deployment. */
  readonly deploymentId: string;
}

/** The parts of a stage import ID (`API-ID/STAGE-NAME`). */
export interface StageImportIdParts extends ApiImportIdParts {
  /** Name of the stage. */
  readonly stageName: string;
}

/** The parts of an authorizer import ID (`API-ID/AUTHORIZER-ID`). */
export interface AuthorizerImportIdParts extends ApiImportIdParts {
  /** ID of the authorizer. */
  readonly authorizerId: string;
}

const API: Segment[] = [idSegment('API-ID')];
const ROUTE: Segment[] = [idSegment('API-ID'), idSegment('ROUTE-ID')];
const INTEGRATION: Segment[] = [idSegment('API-ID'), idSegment('INTEGRATION-ID')];
const INTEGRATION_RESPONSE: Segment[] = [idSegment('API-ID'), idSegment('INTEGRATION-ID'), idSegment('INTEGRATION-RESPONSE-ID')];
const ROUTE_RESPONSE: Segment[] = [idSegment('API-ID'), idSegment('ROUTE-ID'), idSegment('ROUTE-RESPONSE-ID')];
const DEPLOYMENT: Segment[] = [idSegment('API-ID'), idSegment('DEPLOYMENT-ID')];
const STAGE: Segment[] = [idSegment('API-ID'), idSegment('STAGE-NAME')];
const AUTHORIZER: Segment[] = [idSegment('API-ID'), idSegment('AUTHORIZER-ID')];

/** Formats and parses the `terraform import` IDs of the `aws_apigatewayv2_*` resources of WebSocket APIs. */
export class ImportId {
  /** `API-ID` of an `aws_apigatewayv2_api`. */
  public static api(apiId: string): string {
    return formatImportId('websocket.ImportId.api', API, [apiId]);
  }

  /** `API-ID/ROUTE-ID` of an `aws_apigatewayv2_route`. */
  public static route(apiId: string, routeId: string): string {
    return formatImportId('websocket.ImportId.route', ROUTE, [apiId, routeId]);
  }

  /** `API-ID/INTEGRATION-ID` of an `aws_apigatewayv2_integration`. */
  public static integration(apiId: string, integrationId: string): string {
    return formatImportId('websocket.ImportId.integration', INTEGRATION, [apiId, integrationId]);
  }

  /** `API-ID/INTEGRATION-ID/INTEGRATION-RESPONSE-ID` of an `aws_apigatewayv2_integration_response`. */
  public static integrationResponse(apiId: string, integrationId: string, integrationResponseId: string): string {
    return formatImportId('websocket.ImportId.integrationResponse', INTEGRATION_RESPONSE, [apiId, integrationId, integrationResponseId]);
  }

  /** `API-ID/ROUTE-ID/ROUTE-RESPONSE-ID` of an `aws_apigatewayv2_route_response`. */
  public static routeResponse(apiId: string, routeId: string, routeResponseId: string): string {
    return formatImportId('websocket.ImportId.routeResponse', ROUTE_RESPONSE, [apiId, routeId, routeResponseId]);
  }

  /** `API-ID/DEPLOYMENT-ID` of an `aws_apigatewayv2_deployment`. */
  public static deployment(apiId: string, deploymentId: string): string {
    return formatImportId('websocket.ImportId.deployment', DEPLOYMENT, [apiId, deploymentId]);
  }

  /** `API-ID/STAGE-NAME` of an `aws_apigatewayv2_stage`. */
  public static stage(apiId: string, stageName: string): string {
    return formatImportId('websocket.ImportId.stage', STAGE, [apiId, stageName]);
  }

  /** Parses `API-ID`. */
  public static parseApi(id: string): ApiImportIdParts {
    const [apiId] = parseImportId('websocket.ImportId.parseApi', id, API);
    return { apiId };
  }

  /** Parses `API-ID/ROUTE-ID`. */
  public static parseRoute(id: string): RouteImportIdParts {
    const [apiId, routeId] = parseImportId('websocket.ImportId.parseRoute', id, ROUTE);
    return { apiId, routeId };
  }

  /** Parses `API-ID/INTEGRATION-ID`. */
  public static parseIntegration(id: string): IntegrationImportIdParts {
    const [apiId, integrationId] = parseImportId('websocket.ImportId.parseIntegration', id, INTEGRATION);
    return { apiId, integrationId };
  }

  /** Parses `API-ID/INTEGRATION-ID/INTEGRATION-RESPONSE-ID`. */
  public static parseIntegrationResponse(id: string): IntegrationResponseImportIdParts {
    const [apiId, integrationId, integrationResponseId] = parseImportId('websocket.ImportId.parseIntegrationResponse', id, INTEGRATION_RESPONSE);
    return { apiId, integrationId, integrationResponseId };
  }

  /** Parses `API-ID/ROUTE-ID/ROUTE-RESPONSE-ID`. */
  public static parseRouteResponse(id: string): RouteResponseImportIdParts {
    const [apiId, routeId, routeResponseId] = parseImportId('websocket.ImportId.parseRouteResponse', id, ROUTE_RESPONSE);
    return { apiId, routeId, routeResponseId };
  }

  /** Parses `API-ID/DEPLOYMENT-ID`. */
  public static parseDeployment(id: string): DeploymentImportIdParts {
    const [apiId, deploymentId] = parseImportId('websocket.ImportId.parseDeployment', id, DEPLOYMENT);
    return { apiId, deploymentId };
  }

  /** Parses `API-ID/STAGE-NAME`. */
  public static parseStage(id: string): StageImportIdParts {
    const [apiId, stageName] = parseImportId('websocket.ImportId.parseStage', id, STAGE);
    return { apiId, stageName };
  }

  /** `API-ID/AUTHORIZER-ID` of an `aws_apigatewayv2_authorizer`. */
  public static authorizer(apiId: string, authorizerId: string): string {
    return formatImportId('websocket.ImportId.authorizer', AUTHORIZER, [apiId, authorizerId]);
  }

  /** Parses `API-ID/AUTHORIZER-ID`. */
  public static parseAuthorizer(id: string): AuthorizerImportIdParts {
    const [apiId, authorizerId] = parseImportId('websocket.ImportId.parseAuthorizer', id, AUTHORIZER);
    return { apiId, authorizerId };
  }

  private constructor() {}
}
