// The benchmark API built with cdktf-apigateway; a fourth argument `body` synthesizes it as one OpenAPI body.
const started = process.hrtime.bigint();
const { measure, METHODS, RESPONSES } = require('./shape');

measure(started, () => ({
  cdktf: require('cdktf'),
  provider: require('@cdktf/provider-aws/lib/provider'),
  lib: require('..'),
}), ({ cdktf, provider, lib }, n, outdir) => {
  const app = new cdktf.App({ outdir });
  const stack = new cdktf.TerraformStack(app, 'bench');
  new provider.AwsProvider(stack, 'aws', { region: 'us-east-1' });
  const synthesis = process.argv[4] === 'body' ? lib.RestApiSynthesis.OPENAPI_BODY : lib.RestApiSynthesis.RESOURCES;
  const api = new lib.RestApi(stack, 'Api', { name: 'bench', synthesis });
  for (let i = 0; i < n; i++) {
    const resource = api.root.addResource(`r${i}`);
    for (const httpMethod of METHODS) {
      resource.addMethod(httpMethod, new lib.MockIntegration({ integrationResponses: RESPONSES }), {
        authorization: lib.AuthorizationType.NONE,
        methodResponses: RESPONSES.map((r) => ({ statusCode: r.statusCode })),
      });
    }
  }
  api.deploy('prod');
  return () => app.synth();
});
