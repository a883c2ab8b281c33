// The benchmark API written with raw @cdktf/provider-aws resources (submodule imports), with the
// deployment the Terraform documentation recommends: a redeployment trigger, depends_on on the
// methods and integrations, create_before_destroy, and a separate stage; each integration response
// depends on its integration, as the documentation advises.
// With a fourth argument `lean`: references only, no trigger, no depends_on but the deployment's,
// the least a user can write (and still deploy once).
const started = process.hrtime.bigint();
const { measure, METHODS, RESPONSES } = require('./shape');

measure(started, () => ({
  cdktf: require('cdktf'),
  provider: require('@cdktf/provider-aws/lib/provider'),
  restApi: require('@cdktf/provider-aws/lib/api-gateway-rest-api'),
  resource: require('@cdktf/provider-aws/lib/api-gateway-resource'),
  method: require('@cdktf/provider-aws/lib/api-gateway-method'),
  methodResponse: require('@cdktf/provider-aws/lib/api-gateway-method-response'),
  integration: require('@cdktf/provider-aws/lib/api-gateway-integration'),
  integrationResponse: require('@cdktf/provider-aws/lib/api-gateway-integration-response'),
  deployment: require('@cdktf/provider-aws/lib/api-gateway-deployment'),
  stage: require('@cdktf/provider-aws/lib/api-gateway-stage'),
}), (m, n, outdir) => {
  const lean = process.argv[4] === 'lean';
  const { App, TerraformStack, Fn } = m.cdktf;
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'bench');
  new m.provider.AwsProvider(stack, 'aws', { region: 'us-east-1' });
  const api = new m.restApi.ApiGatewayRestApi(stack, 'Api', { name: 'bench' });
  const waitFor = [];
  const ids = [];
  for (let i = 0; i < n; i++) {
    const resource = new m.resource.ApiGatewayResource(stack, `r${i}`, { restApiId: api.id, parentId: api.rootResourceId, pathPart: `r${i}` });
    ids.push(resource.id);
    for (const httpMethod of METHODS) {
      const id = `r${i}_${httpMethod}`;
      const method = new m.method.ApiGatewayMethod(stack, id, { restApiId: api.id, resourceId: resource.id, httpMethod, authorization: 'NONE' });
      const integration = new m.integration.ApiGatewayIntegration(stack, `${id}_integration`, {
        restApiId: api.id, resourceId: resource.id, httpMethod: method.httpMethod, type: 'MOCK',
      });
      for (const r of RESPONSES) {
        const methodResponse = new m.methodResponse.ApiGatewayMethodResponse(stack, `${id}_${r.statusCode}`, {
          restApiId: api.id, resourceId: resource.id, httpMethod: method.httpMethod, statusCode: r.statusCode,
        });
        new m.integrationResponse.ApiGatewayIntegrationResponse(stack, `${id}_${r.statusCode}_integration`, {
          restApiId: api.id, resourceId: resource.id, httpMethod: method.httpMethod, statusCode: methodResponse.statusCode,
          selectionPattern: r.selectionPattern, dependsOn: lean ? undefined : [integration],
        });
      }
      waitFor.push(method, integration);
      ids.push(method.id, integration.id);
    }
  }
  const deployment = new m.deployment.ApiGatewayDeployment(stack, 'Deployment', {
    restApiId: api.id,
    triggers: lean ? undefined : { redeployment: Fn.sha1(Fn.jsonencode(ids)) },
    lifecycle: lean ? undefined : { createBeforeDestroy: true },
    dependsOn: waitFor,
  });
  new m.stage.ApiGatewayStage(stack, 'Stage', { restApiId: api.id, deploymentId: deployment.id, stageName: 'prod' });
  return () => app.synth();
});
