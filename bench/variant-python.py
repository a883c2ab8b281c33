"""The benchmark API (the library variant) built from Python through the jsii binding."""
import json
import os
import resource
import sys
import time

started = time.perf_counter()
from cdktf import App, TerraformStack  # noqa: E402
from cdktf_cdktf_provider_aws.provider import AwsProvider  # noqa: E402

from cdktf_apigateway import (  # noqa: E402
    AuthorizationType,
    IntegrationResponseOptions,
    MethodResponseOptions,
    MockIntegration,
    RestApi,
)

loaded = time.perf_counter()
RESPONSES = [
    IntegrationResponseOptions(status_code="200"),
    IntegrationResponseOptions(status_code="400", selection_pattern="4\\d{2}"),
    IntegrationResponseOptions(status_code="500", selection_pattern="5\\d{2}"),
]
n, outdir = int(sys.argv[1]), sys.argv[2]
app = App(outdir=outdir)
stack = TerraformStack(app, "bench")
AwsProvider(stack, "aws", region="us-east-1")
api = RestApi(stack, "Api", name="bench")
for i in range(n):
    res = api.root.add_resource(f"r{i}")
    for http_method in ("GET", "POST"):
        res.add_method(
            http_method,
            MockIntegration(integration_responses=RESPONSES),
            authorization=AuthorizationType.NONE,
            method_responses=[MethodResponseOptions(status_code=r.status_code) for r in RESPONSES],
        )
api.deploy("prod")
built = time.perf_counter()
app.synth()
done = time.perf_counter()


def kernel_peak_kb() -> int:
    """Peak RSS of this process's children (the jsii node process), read before it exits."""
    total = 0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as f:
                if int(f.read().rsplit(")", 1)[1].split()[1]) != os.getpid():
                    continue
            with open(f"/proc/{pid}/status") as f:
                total += next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
        except (OSError, StopIteration, ValueError):
            continue
    return total


print(json.dumps({
    "loadMs": (loaded - started) * 1000,
    "loadRssKb": 0,
    "buildMs": (built - loaded) * 1000,
    "synthMs": (done - built) * 1000,
    "maxRssKb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + kernel_peak_kb(),
}))
