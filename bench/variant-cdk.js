// The benchmark API built with AWS CDK's aws-apigateway, synthesized to CloudFormation.
const started = process.hrtime.bigint();
const { measure, METHODS, RESPONSES } = require('./shape');

measure(started, () => ({
  cdk: require('aws-cdk-lib'),
  apigw: require('aws-cdk-lib/aws-apigateway'),
}), ({ cdk, apigw }, n, outdir) => {
  // CloudFormation allows 500 resources a stack; CDK checks it unless told otherwise, and N=300 has more.
  const app = new cdk.App({ outdir, context: { '@aws-cdk/core:stackResourceLimit': 0 } });
  const stack = new cdk.Stack(app, 'bench');
  const api = new apigw.RestApi(stack, 'Api', { restApiName: 'bench', deployOptions: { stageName: 'prod' }, cloudWatchRole: false });
  for (let i = 0; i < n; i++) {
    const resource = api.root.addResource(`r${i}`);
    for (const httpMethod of METHODS) {
      resource.addMethod(httpMethod, new apigw.MockIntegration({ integrationResponses: RESPONSES }), {
        authorizationType: apigw.AuthorizationType.NONE,
        methodResponses: RESPONSES.map((r) => ({ statusCode: r.statusCode })),
      });
    }
  }
  return () => app.synth();
});
