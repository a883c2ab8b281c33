import type { ApiGatewayBasePathMapping } from '@cdktf/provider-aws/lib/api-gateway-base-path-mapping';
import { Construct } from 'constructs';
import { literal } from '../core/escape';
import { brand, freeId, hasBrand, Rollback } from '../core/protocol';
import { checkKinds, checkPattern, invalid } from '../core/validation';
import type { DomainName } from './domain-name';
import { Stage } from './stage';
import { providerAws } from '../core/provider';

/** Options of a base path mapping, given to `domain.addBasePathMapping()`. */
export interface BasePathMappingOptions {
  /**
   * The first path segment of the domain's URLs that leads to the stage (`v1` serves
   * `https://api.example.com/v1/...`): letters, digits and `$-_.+!*'()`. Empty for the root.
   * @default '' - the root of the domain; no other mapping is then allowed on it
   */
  readonly basePath?: string;
}

/** Properties of a base path mapping created with `new BasePathMapping()`. */
export interface BasePathMappingProps extends BasePathMappingOptions {
  /** The custom domain. */
  readonly domainName: DomainName;

  /** The stage served under the base path. */
  readonly stage: Stage;
}

/** The characters API Gateway takes in a base path. */
const BASE_PATH = /^[A-Za-z0-9$\-_.+!*'()]+$/;

/**
 * A base path of a custom domain leading to a stage (`aws_api_gateway_base_path_mapping`).
 * It references the domain and the stage, so Terraform creates it after both.
 */
export class BasePathMapping extends Construct {
  /** Whether `x` is a `BasePathMapping`, also across two copies of the package. */
  public static isBasePathMapping(x: unknown): x is BasePathMapping {
    return hasBrand(x, 'BasePathMapping');
  }

  /** The base path, `''` for the root. */
  public readonly basePath: string;

  /** The custom domain. */
  public readonly domain: DomainName;

  /** The stage. */
  public readonly stage: Stage;

  private readonly resource: ApiGatewayBasePathMapping;

  constructor(scope: Construct, id: string, props: BasePathMappingProps) {
    super(scope, freeId(scope, id, (where) => {
      if (isDomain(props?.domainName) && (props.basePath === undefined || typeof props.basePath === 'string')) {
        checkBasePath(where, props.basePath ?? '');
        props.domainName._checkBasePath(where, props.basePath ?? '');
      }
    }));
    brand(this, 'BasePathMapping');
    const rollback = new Rollback(this);
    try {
      if (!isDomain(props?.domainName)) throw invalid(this, 'domainName', props?.domainName, 'a DomainName');
      if (!Stage.isStage(props.stage)) throw invalid(this, 'stage', props.stage, 'a Stage, as api.deploy() returns');
      checkKinds(this, props, { basePath: 'string' });
      this.basePath = props.basePath ?? '';
      this.domain = props.domainName;
      this.stage = props.stage;
      rollback.add(this.domain._attachMapping(this));
      this.resource = new providerAws.ApiGatewayBasePathMapping(this, 'Resource', literal({
        domainName: this.domain.domainName,
        apiId: this.stage.api.restApiId,
        stageName: this.stage._stageNameRef,
        basePath: this.basePath === '' ? undefined : this.basePath,
      }));
      this.node.defaultChild = this.resource;
    } catch (e) {
      throw rollback.undo(e);
    }
  }

  /** Adopts an existing base path mapping (`DOMAIN-NAME/BASE-PATH`, `DOMAIN-NAME/` for the root). */
  public importFrom(id: string): void {
    this.resource.importFrom(id);
  }
}

function checkBasePath(where: string, basePath: string): void {
  if (basePath === '') return;
  checkPattern(where, 'basePath', basePath, BASE_PATH,
    "a base path is one path segment of letters, digits and $-_.+!*'() (no slashes); leave it out for the root");
}

// DomainName imports this file, so its brand is checked here without importing it back.
function isDomain(x: unknown): x is DomainName {
  return hasBrand(x, 'DomainName');
}

