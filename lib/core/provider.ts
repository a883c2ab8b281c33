/**
 * The `@cdktf/provider-aws` classes the library makes beyond the REST chain, each loaded from its
 * submodule when a construct first makes one: a program pays the load time and memory only for
 * the resource types it uses, never for the package index.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
export const providerAws = {
  get ApiGatewayAccount(): typeof import('@cdktf/provider-aws/lib/api-gateway-account').ApiGatewayAccount {
    return require('@cdktf/provider-aws/lib/api-gateway-account').ApiGatewayAccount;
  },
  get ApiGatewayApiKey(): typeof import('@cdktf/provider-aws/lib/api-gateway-api-key').ApiGatewayApiKey {
    return require('@cdktf/provider-aws/lib/api-gateway-api-key').ApiGatewayApiKey;
  },
  get ApiGatewayAuthorizer(): typeof import('@cdktf/provider-aws/lib/api-gateway-authorizer').ApiGatewayAuthorizer {
    return require('@cdktf/provider-aws/lib/api-gateway-authorizer').ApiGatewayAuthorizer;
  },
  get ApiGatewayBasePathMapping(): typeof import('@cdktf/provider-aws/lib/api-gateway-base-path-mapping').ApiGatewayBasePathMapping {
    return require('@cdktf/provider-aws/lib/api-gateway-base-path-mapping').ApiGatewayBasePathMapping;
  },
  get ApiGatewayDomainName(): typeof import('@cdktf/provider-aws/lib/api-gateway-domain-name').ApiGatewayDomainName {
    return require('@cdktf/provider-aws/lib/api-gateway-domain-name').ApiGatewayDomainName;
  },
  get ApiGatewayGatewayResponse(): typeof import('@cdktf/provider-aws/lib/api-gateway-gateway-response').ApiGatewayGatewayResponse {
    return require('@cdktf/provider-aws/lib/api-gateway-gateway-response').ApiGatewayGatewayResponse;
  },
  get ApiGatewayMethodSettings(): typeof import('@cdktf/provider-aws/lib/api-gateway-method-settings').ApiGatewayMethodSettings {
    return require('@cdktf/provider-aws/lib/api-gateway-method-settings').ApiGatewayMethodSettings;
  },
  get ApiGatewayModel(): typeof import('@cdktf/provider-aws/lib/api-gateway-model').ApiGatewayModel {
    return require('@cdktf/provider-aws/lib/api-gateway-model').ApiGatewayModel;
  },
  get ApiGatewayRequestValidator(): typeof import('@cdktf/provider-aws/lib/api-gateway-request-validator').ApiGatewayRequestValidator {
    return require('@cdktf/provider-aws/lib/api-gateway-request-validator').ApiGatewayRequestValidator;
  },
  get ApiGatewayUsagePlan(): typeof import('@cdktf/provider-aws/lib/api-gateway-usage-plan').ApiGatewayUsagePlan {
    return require('@cdktf/provider-aws/lib/api-gateway-usage-plan').ApiGatewayUsagePlan;
  },
  get ApiGatewayUsagePlanKey(): typeof import('@cdktf/provider-aws/lib/api-gateway-usage-plan-key').ApiGatewayUsagePlanKey {
    return require('@cdktf/provider-aws/lib/api-gateway-usage-plan-key').ApiGatewayUsagePlanKey;
  },
  get Apigatewayv2Api(): typeof import('@cdktf/provider-aws/lib/apigatewayv2-api').Apigatewayv2Api {
    return require('@cdktf/provider-aws/lib/apigatewayv2-api').Apigatewayv2Api;
  },
  get Apigatewayv2Authorizer(): typeof import('@cdktf/provider-aws/lib/apigatewayv2-authorizer').Apigatewayv2Authorizer {
    return require('@cdktf/provider-aws/lib/apigatewayv2-authorizer').Apigatewayv2Authorizer;
  },
  get Apigatewayv2Deployment(): typeof import('@cdktf/provider-aws/lib/apigatewayv2-deployment').Apigatewayv2Deployment {
    return require('@cdktf/provider-aws/lib/apigatewayv2-deployment').Apigatewayv2Deployment;
  },
  get Apigatewayv2Integration(): typeof import('@cdktf/provider-aws/lib/apigatewayv2-integration').Apigatewayv2Integration {
    return require('@cdktf/provider-aws/lib/apigatewayv2-integration').Apigatewayv2Integration;
  },
  get Apigatewayv2IntegrationResponse(): typeof import('@cdktf/provider-aws/lib/apigatewayv2-integration-response').Apigatewayv2IntegrationResponse {
    return require('@cdktf/provider-aws/lib/apigatewayv2-integration-response').Apigatewayv2IntegrationResponse;
  },
  get Apigatewayv2Route(): typeof import('@cdktf/provider-aws/lib/apigatewayv2-route').Apigatewayv2Route {
    return require('@cdktf/provider-aws/lib/apigatewayv2-route').Apigatewayv2Route;
  },
  get Apigatewayv2RouteResponse(): typeof import('@cdktf/provider-aws/lib/apigatewayv2-route-response').Apigatewayv2RouteResponse {
    return require('@cdktf/provider-aws/lib/apigatewayv2-route-response').Apigatewayv2RouteResponse;
  },
  get Apigatewayv2Stage(): typeof import('@cdktf/provider-aws/lib/apigatewayv2-stage').Apigatewayv2Stage {
    return require('@cdktf/provider-aws/lib/apigatewayv2-stage').Apigatewayv2Stage;
  },
  get CloudwatchLogGroup(): typeof import('@cdktf/provider-aws/lib/cloudwatch-log-group').CloudwatchLogGroup {
    return require('@cdktf/provider-aws/lib/cloudwatch-log-group').CloudwatchLogGroup;
  },
  get DataAwsPartition(): typeof import('@cdktf/provider-aws/lib/data-aws-partition').DataAwsPartition {
    return require('@cdktf/provider-aws/lib/data-aws-partition').DataAwsPartition;
  },
  get DataAwsRegion(): typeof import('@cdktf/provider-aws/lib/data-aws-region').DataAwsRegion {
    return require('@cdktf/provider-aws/lib/data-aws-region').DataAwsRegion;
  },
  get IamRole(): typeof import('@cdktf/provider-aws/lib/iam-role').IamRole {
    return require('@cdktf/provider-aws/lib/iam-role').IamRole;
  },
  get IamRolePolicyAttachment(): typeof import('@cdktf/provider-aws/lib/iam-role-policy-attachment').IamRolePolicyAttachment {
    return require('@cdktf/provider-aws/lib/iam-role-policy-attachment').IamRolePolicyAttachment;
  },
  get LambdaPermission(): typeof import('@cdktf/provider-aws/lib/lambda-permission').LambdaPermission {
    return require('@cdktf/provider-aws/lib/lambda-permission').LambdaPermission;
  },
  get Wafv2WebAclAssociation(): typeof import('@cdktf/provider-aws/lib/wafv2-web-acl-association').Wafv2WebAclAssociation {
    return require('@cdktf/provider-aws/lib/wafv2-web-acl-association').Wafv2WebAclAssociation;
  },
};
