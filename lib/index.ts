export { ValidationError } from './core/validation';
export {
  ImportId, RestApiImportIdParts, ResourceImportIdParts, MethodImportIdParts, ResponseImportIdParts, DeploymentImportIdParts,
  StageImportIdParts,
} from './rest/import-id';
export { RestApi, RestApiProps, EndpointType, ApiKeySourceType, ExistingRestApi } from './rest/rest-api';
export { Resource, ResourceBase, ResourceOptions, ResourceProps, ProxyOptions } from './rest/resource';
export { RootResource, RootResourceProps } from './rest/root-resource';
export { Method, MethodOptions, MethodProps, AuthorizationType } from './rest/method';
export { MethodResponse, MethodResponseOptions, MethodResponseProps } from './rest/method-response';
export {
  Integration, IntegrationProps, IntegrationBackend, IntegrationConfig, IntegrationOptions, IntegrationType, ContentHandling, ConnectionType,
} from './rest/integration';
export { IntegrationResponse, IntegrationResponseOptions, IntegrationResponseProps } from './rest/integration-response';
export { MockIntegration } from './rest/integrations/mock';
export { HttpIntegration, HttpIntegrationProps } from './rest/integrations/http';
export { AwsIntegration, AwsIntegrationProps } from './rest/integrations/aws';
export { LambdaIntegration, LambdaIntegrationOptions } from './rest/integrations/lambda';
export { CorsOptions } from './rest/cors';
export { Deployment, DeploymentProps } from './rest/deployment';
export { Stage, StageProps, StageOptions, MethodDeploymentOptions } from './rest/stage';
export { PassthroughBehavior, MethodLoggingLevel } from './core/enums';
export { Model, IModel, ModelOptions, ModelProps } from './rest/model';
export { RequestValidator, IRequestValidator, RequestValidatorOptions, RequestValidatorProps } from './rest/request-validator';
export { GatewayResponse, GatewayResponseOptions, GatewayResponseProps, ResponseType } from './rest/gateway-response';
export { ModelImportIdParts, RequestValidatorImportIdParts, GatewayResponseImportIdParts } from './rest/import-id';
export {
  UsagePlanImportIdParts, ApiKeyImportIdParts, UsagePlanKeyImportIdParts, DomainNameImportIdParts, BasePathMappingImportIdParts,
} from './rest/import-id';
export { UsagePlan, UsagePlanProps, UsagePlanPerApiStage, ThrottleSettings, QuotaSettings, Period } from './rest/usage-plan';
export { UsagePlanKey, UsagePlanKeyProps } from './rest/usage-plan-key';
export { ApiKey, ApiKeyProps } from './rest/api-key';
export { DomainName, DomainNameProps, MTLSConfig, SecurityPolicy } from './rest/domain-name';
export { BasePathMapping, BasePathMappingOptions, BasePathMappingProps } from './rest/base-path-mapping';
export { AccessLogFormat } from './rest/access-log';
export { CloudWatchRole } from './rest/cloudwatch-role';
export { WebAclAssociation, WebAclAssociationProps } from './rest/web-acl';
export * as websocket from './websocket';
export {
  Authorizer, AuthorizerProps, IAuthorizer, LambdaAuthorizerProps, TokenAuthorizer, TokenAuthorizerProps, RequestAuthorizer, RequestAuthorizerProps,
  CognitoUserPoolsAuthorizer, CognitoUserPoolsAuthorizerProps,
} from './rest/authorizers';
export { AuthorizerImportIdParts } from './rest/import-id';
