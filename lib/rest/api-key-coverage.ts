import { Annotations, IAspect } from 'cdktf';
import { IConstruct } from 'constructs';
import { pathOf } from '../core/validation';
import type { Stage } from './stage';

/**
 * Warns at synth about a stage whose API has methods with `apiKeyRequired` but that no usage
 * plan lists: API Gateway refuses every call to those methods there (403 Forbidden).
 */
export class WarnWithoutUsagePlan implements IAspect {
  private done = false;

  constructor(private readonly stage: Stage) {}

  public visit(node: IConstruct): void {
    if (node !== this.stage || this.done) return;
    this.done = true;
    if (this.stage._usagePlans.length > 0) return;
    const keyed = this.stage.api.methods.filter((m) => m.options.apiKeyRequired === true).map((m) => `${m.httpMethod} ${m.resource.path}`);
    if (keyed.length === 0) return;
    Annotations.of(this.stage).addWarning(
      `stage "${this.stage.stageName}" (${pathOf(this.stage)}) serves methods that require an API key (${keyed.join(', ')}), ` +
      'but no usage plan lists the stage: API Gateway refuses every call to them. Add it with plan.addApiStage({ stage }).');
  }
}

