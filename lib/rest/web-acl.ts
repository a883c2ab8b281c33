import type { Wafv2WebAclAssociation } from '@cdktf/provider-aws/lib/wafv2-web-acl-association';
import { Construct } from 'constructs';
import { brand, freeId, hasBrand, Rollback } from '../core/protocol';
import { checkNonEmpty, checkPattern, invalid } from '../core/validation';
import type { Stage } from './stage';
import { providerAws } from '../core/provider';

/** A regional AWS WAF (wafv2) web ACL ARN, the only kind API Gateway stages take. */
export const WEB_ACL_ARN = /^arn:aws[-a-z]*:wafv2:[a-z0-9-]+:\d{12}:regional\/webacl\/[A-Za-z0-9_-]{1,128}\/[A-Za-z0-9-]+$/;

/** Properties of a web ACL association. */
export interface WebAclAssociationProps {
  /** The stage the web ACL protects. */
  readonly stage: Stage;

  /** ARN of a regional wafv2 web ACL: `arn:aws:wafv2:{region}:{account}:regional/webacl/{name}/{id}`. */
  readonly webAclArn: string;
}

/**
 * An AWS WAF web ACL in front of a stage (`aws_wafv2_web_acl_association`), made by
 * `stage.associateWebAcl(webAclArn)`. It references the stage's ARN, so Terraform creates it
 * after the stage.
 */
export class WebAclAssociation extends Construct {
  /** Whether `x` is a `WebAclAssociation`, also across two copies of the package. */
  public static isWebAclAssociation(x: unknown): x is WebAclAssociation {
    return hasBrand(x, 'WebAclAssociation');
  }

  /** The stage. */
  public readonly stage: Stage;

  /** ARN of the web ACL. */
  public readonly webAclArn: string;

  private readonly resource: Wafv2WebAclAssociation;

  constructor(scope: Construct, id: string, props: WebAclAssociationProps) {
    super(scope, freeId(scope, id, (where) => {
      if (isStage(props?.stage)) props.stage._checkWebAcl(where);
    }));
    brand(this, 'WebAclAssociation');
    const rollback = new Rollback(this);
    try {
      if (!isStage(props?.stage)) throw invalid(this, 'stage', props?.stage, 'a Stage, as api.deploy() returns');
      checkNonEmpty(this, 'webAclArn', props.webAclArn, 'a regional AWS WAF (wafv2) web ACL ARN');
      checkPattern(this, 'webAclArn', props.webAclArn, WEB_ACL_ARN,
        'a regional AWS WAF (wafv2) web ACL ARN: arn:aws:wafv2:{region}:{account}:regional/webacl/{name}/{id}');
      this.stage = props.stage;
      this.webAclArn = props.webAclArn;
      rollback.add(props.stage._attachWebAcl(this));
      this.resource = new providerAws.Wafv2WebAclAssociation(this, 'Resource', { resourceArn: props.stage.arn, webAclArn: props.webAclArn });
      this.node.defaultChild = this.resource;
    } catch (e) {
      throw rollback.undo(e);
    }
  }

  /** Adopts an existing association (`WEB-ACL-ARN,RESOURCE-ARN`, the provider's format). */
  public importFrom(id: string): void {
    this.resource.importFrom(id);
  }
}

// Stage imports this file, so its brand is checked here without importing it back.
function isStage(x: unknown): x is Stage {
  return hasBrand(x, 'rest.Stage');
}
