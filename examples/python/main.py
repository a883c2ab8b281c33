#!/usr/bin/env python3
"""MyDemoAPI: a REST API with one resource, a GET method answered by a MOCK integration, and an
integration response that turns the backend's JSON into XML. The same stack as
examples/typescript/main.ts, written with the Python binding."""
from cdktf import App, TerraformStack
from cdktf_cdktf_provider_aws.provider import AwsProvider
from constructs import Construct

from cdktf_apigateway import AuthorizationType, MockIntegration, RestApi

XML_TEMPLATE = "\n".join([
    "#set($inputRoot = $input.path('$'))",
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<message>",
    "    $inputRoot.body",
    "</message>",
])


class MyDemoStack(TerraformStack):
    def __init__(self, scope: Construct, id: str) -> None:
        super().__init__(scope, id)
        AwsProvider(self, "aws", region="us-east-1")

        self.api = RestApi(
            self,
            "MyDemoAPI",
            name="MyDemoAPI",
            description="This is my API for demonstration purposes",
        )

        method = self.api.root.add_resource("mydemoresource").add_method(
            "GET", MockIntegration(), authorization=AuthorizationType.NONE
        )
        method.add_method_response(status_code="200")
        # Transforms the backend JSON response to XML
        method.add_integration_response(
            status_code="200",
            response_templates={"application/xml": XML_TEMPLATE},
        )

        self.api.deploy("prod")


if __name__ == "__main__":
    app = App()
    MyDemoStack(app, "my-demo-api")
    app.synth()
