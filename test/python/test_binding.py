"""The Python surface of cdktf_apigateway: structs as keyword arguments and dicts, enums,
validation errors as Python exceptions, and the escape hatch."""
import json

import pytest
from cdktf import TerraformStack
from cdktf import Testing as CdktfTesting
from cdktf_cdktf_provider_aws.api_gateway_rest_api import ApiGatewayRestApi
from cdktf_cdktf_provider_aws.provider import AwsProvider

from cdktf_apigateway import (
    AuthorizationType,
    ContentHandling,
    ImportId,
    IntegrationResponseOptions,
    Method,
    MethodResponseOptions,
    MockIntegration,
    Model,
    RequestValidator,
    ResponseType,
    RestApi,
    RestApiSynthesis,
    ApiDefinition,
    SpecRestApi,
)


def new_stack():
    stack = TerraformStack(CdktfTesting.app(), "stack")
    AwsProvider(stack, "aws", region="us-east-1")
    return stack


def resources(stack, type_):
    return list(json.loads(CdktfTesting.synth(stack, True))["resource"][type_].values())


def test_structs_as_keyword_arguments():
    stack = new_stack()
    api = RestApi(stack, "Api", name="pets")
    method = api.root.add_resource("pets").add_method(
        "GET", MockIntegration(), authorization=AuthorizationType.IAM, api_key_required=True
    )
    method.add_method_response(status_code="200", response_parameters={"method.response.header.X-Id": True})
    method.add_integration_response(
        status_code="200",
        response_parameters={"method.response.header.X-Id": "'static'"},
        content_handling=ContentHandling.CONVERT_TO_TEXT,
    )
    [m] = resources(stack, "aws_api_gateway_method")
    assert m["authorization"] == "AWS_IAM"
    assert m["api_key_required"] is True
    [ir] = resources(stack, "aws_api_gateway_integration_response")
    assert ir["content_handling"] == "CONVERT_TO_TEXT"
    assert ir["status_code"].startswith("${aws_api_gateway_method_response.")


def test_structs_as_dicts_and_struct_objects():
    stack = new_stack()
    api = RestApi(stack, "Api", **{"name": "pets", "description": "from a dict"})
    resource = api.root.add_resource("pets")
    # A nested struct given as a dict, and lists of struct objects.
    Method(
        resource,
        "GET",
        resource=resource,
        http_method="GET",
        integration=MockIntegration(
            integration_responses=[IntegrationResponseOptions(status_code="200")],
        ),
        options={
            "authorization": AuthorizationType.NONE,
            "method_responses": [MethodResponseOptions(status_code="200")],
        },
    )
    [a] = resources(stack, "aws_api_gateway_rest_api")
    assert a["description"] == "from a dict"
    [mr] = resources(stack, "aws_api_gateway_method_response")
    assert mr["status_code"] == "200"
    assert len(resources(stack, "aws_api_gateway_integration_response")) == 1


def test_enums_render_their_terraform_values():
    stack = new_stack()
    api = RestApi(stack, "Api", name="pets")
    rendered = {
        AuthorizationType.NONE: "NONE",
        AuthorizationType.IAM: "AWS_IAM",
        AuthorizationType.CUSTOM: "CUSTOM",
        AuthorizationType.COGNITO: "COGNITO_USER_POOLS",
    }
    for i, authorization in enumerate(rendered):
        needs_authorizer = authorization in (AuthorizationType.CUSTOM, AuthorizationType.COGNITO)
        api.root.add_resource(f"r{i}").add_method(
            "GET", MockIntegration(), authorization=authorization, authorizer_id="auth1" if needs_authorizer else None
        )
    methods = resources(stack, "aws_api_gateway_method")
    assert sorted(m["authorization"] for m in methods) == sorted(rendered.values())


def test_validation_error_arrives_as_python_exception_with_the_message():
    stack = new_stack()
    api = RestApi(stack, "Api", name="pets")
    method = api.root.add_method("GET", MockIntegration(), authorization=AuthorizationType.NONE)
    with pytest.raises(Exception) as raised:
        method.add_method_response(status_code="20")
    message = str(raised.value)
    assert "stack/Api/Default/GET/Response20" in message
    assert 'invalid statusCode "20"' in message
    assert "three digits from 100 to 599" in message


def test_synth_time_validation_reaches_python():
    stack = new_stack()
    api = RestApi(stack, "Api", name="pets")
    method = api.root.add_method("GET", MockIntegration(), authorization=AuthorizationType.NONE)
    method.add_integration_response(status_code="404")
    with pytest.raises(Exception) as raised:
        CdktfTesting.synth(stack, True)
    assert "has no method response with status code 404" in str(raised.value)


def test_import_ids_format_and_parse():
    assert ImportId.integration_response("12345abcde", "67890fghij", "GET", "200") == "12345abcde/67890fghij/GET/200"
    parts = ImportId.parse_integration_response("12345abcde/67890fghij/GET/200")
    assert (parts.rest_api_id, parts.resource_id, parts.http_method, parts.status_code) == ("12345abcde", "67890fghij", "GET", "200")
    with pytest.raises(Exception) as raised:
        ImportId.parse_method("12345abcde/67890fghij")
    assert "REST-API-ID/RESOURCE-ID/HTTP-METHOD" in str(raised.value)


def test_default_child_is_the_escape_hatch():
    stack = new_stack()
    api = RestApi(stack, "Api", name="pets")
    child = api.node.default_child
    assert isinstance(child, ApiGatewayRestApi)
    child.add_override("fail_on_warnings", True)
    [a] = resources(stack, "aws_api_gateway_rest_api")
    assert a["fail_on_warnings"] is True


def test_websocket_submodule():
    from cdktf_apigateway.websocket import (
        ContentHandlingStrategy,
        IntegrationResponseKey,
        IntegrationType,
        WebSocketApi,
    )

    stack = new_stack()
    api = WebSocketApi(stack, "Ws", name="chat")
    mock = api.add_integration("Mock", type=IntegrationType.MOCK)
    mock.add_response(
        integration_response_key=IntegrationResponseKey.DEFAULT,
        content_handling_strategy=ContentHandlingStrategy.CONVERT_TO_TEXT,
    )
    mock.add_response(integration_response_key=IntegrationResponseKey.from_status_code(404))
    api.add_route("sendmessage", integration=mock).add_response(route_response_key="$default")
    api.deploy("prod")
    keys = sorted(r["integration_response_key"] for r in resources(stack, "aws_apigatewayv2_integration_response"))
    assert keys == ["$default", "/404/"]
    with pytest.raises(Exception) as raised:
        IntegrationResponseKey.from_status_code(700)
    assert "100 to 599" in str(raised.value)


def test_openapi_body_synthesis_and_spec_rest_api():
    stack = new_stack()
    api = RestApi(stack, "Api", name="pets", synthesis=RestApiSynthesis.OPENAPI_BODY)
    method = api.root.add_resource("pets").add_method(
        "GET",
        MockIntegration(integration_responses=[IntegrationResponseOptions(status_code="200")]),
        authorization=AuthorizationType.NONE,
        method_responses=[MethodResponseOptions(status_code="200")],
    )
    assert method.node.default_child is None
    api.deploy("prod")
    spec = SpecRestApi(stack, "Spec", definition=ApiDefinition.from_string(api.to_open_api()), name="copy")
    spec.deploy("prod")
    synthesized = json.loads(CdktfTesting.synth(stack, True))["resource"]
    assert sorted(synthesized) == ["aws_api_gateway_deployment", "aws_api_gateway_rest_api", "aws_api_gateway_stage"]
    bodies = [json.loads(r["body"]) for r in synthesized["aws_api_gateway_rest_api"].values()]
    assert bodies[0] == bodies[1]
    integration = bodies[0]["paths"]["/pets"]["get"]["x-amazon-apigateway-integration"]
    assert integration["responses"]["default"]["statusCode"] == "200"
    assert all(r["put_rest_api_mode"] == "overwrite" for r in synthesized["aws_api_gateway_rest_api"].values())


def test_models_validators_and_gateway_responses():
    stack = new_stack()
    api = RestApi(stack, "Api", name="pets", default_cors_preflight_options={"allow_origins": ["https://app.example.com"]})
    # A nested schema given as Python dicts and lists.
    pet = Model(
        stack,
        "Pet",
        rest_api=api,
        schema={"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}, "tags": {"type": "array", "items": {"type": "string"}}}},
    )
    pet_list = api.add_model("PetList", schema={"type": "array", "items": {"$ref": Model.reference_to(pet)}})
    body = RequestValidator(stack, "Body", rest_api=api, validate_request_body=True)
    pets = api.root.add_resource("pets")
    pets.add_method(
        "POST",
        MockIntegration(),
        authorization=AuthorizationType.NONE,
        request_models={"application/json": pet},
        request_validator=body,
        method_responses=[MethodResponseOptions(status_code="200", response_models={"application/json": Model.EMPTY})],
    )
    pets.add_method(
        "GET",
        MockIntegration(),
        authorization=AuthorizationType.NONE,
        request_validator_options={"validate_request_parameters": True},
        method_responses=[MethodResponseOptions(status_code="200", response_models={"application/json": pet_list})],
    )
    api.add_gateway_response(
        "Unauthorized",
        type=ResponseType.UNAUTHORIZED,
        status_code="401",
        response_headers={"WWW-Authenticate": "'Bearer'"},
        templates={"application/json": '{"message": $context.error.messageString}'},
    )
    models = {m["name"]: m for m in resources(stack, "aws_api_gateway_model")}
    assert json.loads(models["Pet"]["schema"])["required"] == ["name"]
    assert json.loads(models["PetList"]["schema"])["items"]["$ref"].startswith("https://apigateway.amazonaws.com/restapis/${aws_api_gateway_model.")
    validators = sorted(v["name"] for v in resources(stack, "aws_api_gateway_request_validator"))
    assert validators == ["Body", "validate-parameters"]
    responses = {r["response_type"]: r for r in resources(stack, "aws_api_gateway_gateway_response")}
    assert sorted(responses) == ["DEFAULT_4XX", "DEFAULT_5XX", "UNAUTHORIZED"]
    assert responses["UNAUTHORIZED"]["response_parameters"] == {"gatewayresponse.header.WWW-Authenticate": "'Bearer'"}
    assert responses["DEFAULT_4XX"]["response_parameters"] == {"gatewayresponse.header.Access-Control-Allow-Origin": "'https://app.example.com'"}
    post = [m for m in resources(stack, "aws_api_gateway_method") if m["http_method"] == "POST"][0]
    assert post["request_models"]["application/json"].startswith("${aws_api_gateway_model.")
    with pytest.raises(Exception) as raised:
        api.add_model("Bad", schema={"type": "objekt"})
    assert "not a valid JSON Schema draft 4" in str(raised.value)
    with pytest.raises(Exception) as raised:
        api.add_gateway_response("Again", type=ResponseType.of("UNAUTHORIZED"))
    assert "already has a gateway response of this type" in str(raised.value)
    assert ImportId.model("abc123", "Pet") == "abc123/Pet"
    assert ImportId.parse_gateway_response("abc123/DEFAULT_4XX").response_type == "DEFAULT_4XX"


def test_production_edges():
    from cdktf_apigateway import (
        AccessLogFormat,
        ApiKey,
        DomainName,
        EndpointType,
        Period,
        SecurityPolicy,
        ThrottleSettings,
        UsagePlan,
        UsagePlanPerApiStage,
    )

    stack = new_stack()
    api = RestApi(stack, "Api", name="pets", cloud_watch_role=True)
    api.root.add_resource("pets").add_method(
        "GET", MockIntegration(), authorization=AuthorizationType.NONE, api_key_required=True
    )
    prod = api.deploy(
        "prod", access_log_group=True, access_log_retention=30, access_log_format=AccessLogFormat.clf()
    )
    staging = api.deploy("staging")
    plan = UsagePlan(
        stack,
        "Basic",
        name="basic",
        throttle={"rate_limit": 10, "burst_limit": 20},
        quota={"limit": 10000, "period": Period.MONTH, "offset": 0},
        api_stages=[UsagePlanPerApiStage(stage=prod, throttle={"/pets/GET": ThrottleSettings(rate_limit=5, burst_limit=10)})],
    )
    plan.add_api_stage(stage=staging)
    plan.add_api_key(ApiKey(stack, "PartnerKey", name="partner", value="partner-key-0123456789"))
    plan.add_api_key(ApiKey(stack, "OtherKey", name="other"))
    domain = DomainName(
        stack,
        "Domain",
        domain_name="api.example.com",
        certificate_arn="arn:aws:acm:eu-west-1:123456789012:certificate/abc",
        endpoint_type=EndpointType.REGIONAL,
        security_policy=SecurityPolicy.TLS_1_2,
        mtls={"truststore_uri": "s3://bucket/truststore.pem"},
    )
    domain.add_base_path_mapping(prod, base_path="v1")
    domain.add_base_path_mapping(staging, base_path="beta")
    prod.associate_web_acl("arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/acl/abc-123")
    assert ImportId.base_path_mapping("api.example.com", "") == "api.example.com/"
    assert ImportId.parse_usage_plan_key("p1/k1").key_id == "k1"

    synthesized = json.loads(CdktfTesting.synth(stack, True))
    [usage_plan] = synthesized["resource"]["aws_api_gateway_usage_plan"].values()
    assert usage_plan["quota_settings"] == {"limit": 10000, "offset": 0, "period": "MONTH"}
    assert usage_plan["api_stages"][0]["throttle"] == [{"burst_limit": 10, "path": "/pets/GET", "rate_limit": 5}]
    assert len(synthesized["resource"]["aws_api_gateway_usage_plan_key"]) == 2
    assert len(synthesized["resource"]["aws_api_gateway_base_path_mapping"]) == 2
    assert [o["sensitive"] for o in synthesized["output"].values()] == [True]
    stage = next(s for s in synthesized["resource"]["aws_api_gateway_stage"].values() if s["stage_name"] == "prod")
    assert stage["access_log_settings"]["format"] == AccessLogFormat.clf().format
    assert "aws_wafv2_web_acl_association" in synthesized["resource"]
    assert "aws_api_gateway_account" in synthesized["resource"]

    # A dict inside a map reaches JavaScript without its snake_case keys: refused, not lost.
    with pytest.raises(Exception, match="ThrottleSettings"):
        UsagePlan(stack, "Dict", api_stages=[{"stage": prod, "throttle": {"/pets/GET": {"rate_limit": 5}}}])
    with pytest.raises(Exception, match="offset"):
        UsagePlan(stack, "Bad", quota={"limit": 1, "period": Period.WEEK, "offset": 7})
    with pytest.raises(Exception, match="mutual TLS"):
        DomainName(
            stack,
            "Edge",
            domain_name="edge.example.com",
            certificate_arn="arn:aws:acm:us-east-1:123456789012:certificate/abc",
            endpoint_type=EndpointType.EDGE,
            mtls={"truststore_uri": "s3://bucket/t.pem"},
        )


def test_authorized_api():
    from cdktf_apigateway import CognitoUserPoolsAuthorizer, RequestAuthorizer, TokenAuthorizer
    from cdktf_apigateway.websocket import IntegrationType, LambdaAuthorizer, WebSocketApi

    fn = "arn:aws:lambda:us-east-1:123456789012:function:auth"
    stack = new_stack()
    api = RestApi(stack, "Api", name="pets")
    token = TokenAuthorizer(stack, "TokenAuth", rest_api=api, function_arn=fn, validation_regex="^Bearer .*$")
    request = RequestAuthorizer(
        stack, "RequestAuth", rest_api=api, function_arn=fn, identity_sources=["method.request.header.X-Tenant"]
    )
    pools = CognitoUserPoolsAuthorizer(
        stack, "UserPool", rest_api=api,
        user_pool_arns=["arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc"],
    )
    pets = api.root.add_resource("pets")
    pets.add_method("GET", MockIntegration(), authorizer=token)
    pets.add_method("PUT", MockIntegration(), authorizer=request)
    pets.add_method("POST", MockIntegration(), authorizer=pools, authorization_scopes=["pets/write"])
    api.deploy("prod")

    ws = WebSocketApi(stack, "Ws", name="chat")
    connect = ws.add_integration("Connect", type=IntegrationType.MOCK)
    auth = LambdaAuthorizer(stack, "ConnectAuth", api=ws, function_arn=fn,
                            identity_sources=["route.request.querystring.token"])
    ws.add_route("$connect", integration=connect, authorizer=auth)

    types = sorted(a["type"] for a in resources(stack, "aws_api_gateway_authorizer"))
    assert types == ["COGNITO_USER_POOLS", "REQUEST", "TOKEN"]
    methods = {m["http_method"]: m for m in resources(stack, "aws_api_gateway_method")}
    assert methods["GET"]["authorization"] == "CUSTOM"
    assert methods["GET"]["authorizer_id"].startswith("${aws_api_gateway_authorizer.")
    assert methods["POST"]["authorization"] == "COGNITO_USER_POOLS"
    assert methods["POST"]["authorization_scopes"] == ["pets/write"]
    [ws_auth] = resources(stack, "aws_apigatewayv2_authorizer")
    assert ws_auth["authorizer_type"] == "REQUEST"
    [route] = resources(stack, "aws_apigatewayv2_route")
    assert route["authorization_type"] == "CUSTOM"
    assert len(resources(stack, "aws_lambda_permission")) == 3

    with pytest.raises(Exception) as raised:
        ws.add_route("sendmessage", integration=connect, authorizer=auth)
    assert "$connect route only" in str(raised.value)
    assert ImportId.authorizer("a1", "b2") == "a1/b2"


def test_the_command_line_script_of_the_wheel():
    """The wheel installs `cdktf-apigateway`, which runs the package's bundled command with the
    jsii runtime's node: usage on stdout, and exit code 2 with nothing on stdout when the
    endpoint cannot be reached. (test/adopt/run.ts adopts APIs on moto through this script.)"""
    import os
    import shutil
    import subprocess
    import sys

    script = shutil.which("cdktf-apigateway") or os.path.join(os.path.dirname(sys.executable), "cdktf-apigateway")
    assert os.path.exists(script)
    helped = subprocess.run([script, "--help"], capture_output=True, text=True, timeout=300)
    assert helped.returncode == 0
    assert "cdktf-apigateway adopt" in helped.stdout
    assert "cdktf-apigateway inventory" in helped.stdout
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(AWS_CONFIG_FILE="/nonexistent", AWS_SHARED_CREDENTIALS_FILE="/nonexistent", AWS_EC2_METADATA_DISABLED="true")
    refused = subprocess.run(
        [script, "adopt", "--rest-api-id", "a1b2c3d4e5", "--region", "eu-west-1", "--endpoint-url", "http://127.0.0.1:9"],
        capture_output=True, text=True, timeout=300, env=env,
    )
    assert refused.returncode == 2
    assert refused.stdout == ""
    assert "cdktf-apigateway:" in refused.stderr
