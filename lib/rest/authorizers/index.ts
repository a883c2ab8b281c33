export { Authorizer, AuthorizerProps, IAuthorizer } from './authorizer';
export { LambdaAuthorizerProps } from './lambda';
export { TokenAuthorizer, TokenAuthorizerProps } from './token';
export { RequestAuthorizer, RequestAuthorizerProps } from './request';
export { CognitoUserPoolsAuthorizer, CognitoUserPoolsAuthorizerProps } from './cognito';
