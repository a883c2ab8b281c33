import type { ApiGatewayDomainName } from '@cdktf/provider-aws/lib/api-gateway-domain-name';
import { Construct } from 'constructs';
import { literal } from '../core/escape';
import { keyedId } from '../core/ids';
import { brand, freeId, hasBrand, Rollback } from '../core/protocol';
import { checkKinds, checkNonEmpty, checkOneOf, checkPattern, checkStruct, checkTags, invalid, pathOf, unresolved } from '../core/validation';
import { BasePathMapping, BasePathMappingOptions } from './base-path-mapping';
import { EndpointType } from './rest-api';
import type { Stage } from './stage';
import { providerAws } from '../core/provider';

/** The TLS versions a custom domain accepts. */
export enum SecurityPolicy {
  /** TLS 1.0 and later. */
  TLS_1_0 = 'TLS_1_0',
  /** TLS 1.2 and later. */
  TLS_1_2 = 'TLS_1_2',
}

/** Mutual TLS: clients must present a certificate signed by a CA of the truststore. */
export interface MTLSConfig {
  /** The truststore, a PEM file in S3: `s3://bucket/key`. */
  readonly truststoreUri: string;

  /**
   * The S3 object version of the truststore.
   * @default - the latest version
   */
  readonly truststoreVersion?: string;
}

/** Properties of a custom domain. */
export interface DomainNameProps {
  /** The host name, such as `api.example.com` (or `*.example.com`). */
  readonly domainName: string;

  /**
   * The ACM certificate of the domain, for its endpoint type: a certificate in the API's
   * region for REGIONAL, in us-east-1 for EDGE (CloudFront reads it there). Give this, or
   * the field named for the endpoint type.
   * @default - `regionalCertificateArn` or `edgeCertificateArn`
   */
  readonly certificateArn?: string;

  /**
   * The certificate of a REGIONAL domain (`regional_certificate_arn`); refused on EDGE.
   * @default - `certificateArn`
   */
  readonly regionalCertificateArn?: string;

  /**
   * The certificate of an EDGE domain (`certificate_arn`), from us-east-1; refused on REGIONAL.
   * @default - `certificateArn`
   */
  readonly edgeCertificateArn?: string;

  /**
   * REGIONAL or EDGE.
   * @default EndpointType.REGIONAL
   */
  readonly endpointType?: EndpointType;

  /**
   * The TLS versions clients may use.
   * @default SecurityPolicy.TLS_1_2
   */
  readonly securityPolicy?: SecurityPolicy;

  /**
   * Mutual TLS, on REGIONAL domains with TLS 1.2.
   * @default - no mutual TLS
   */
  readonly mtls?: MTLSConfig;

  /**
   * Tags of the domain.
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

const CERTIFICATE_ARN = /^arn:aws[-a-z]*:acm:([a-z0-9-]+):\d{12}:certificate\/[A-Za-z0-9-]+$/;

/**
 * A host name is 1 to 253 characters of dot-separated labels of letters, digits and hyphens,
 * none starting or ending with a hyphen, with at least two labels and a top-level label that is
 * not all digits; a wildcard `*.` may lead.
 */
export function hostnameProblem(name: string): string | undefined {
  const host = name.startsWith('*.') ? name.slice(2) : name;
  const labels = host.split('.');
  if (name.length > 253) return 'a host name is at most 253 characters';
  if (labels.length < 2) return 'a host name has at least two labels, such as api.example.com';
  for (const label of labels) {
    if (!/^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label)) {
      return `label "${label}" is not 1 to 63 letters, digits and hyphens that neither start nor end with a hyphen`;
    }
  }
  if (/^\d+$/.test(labels[labels.length - 1])) return 'the last label is not all digits (an IP address is not a domain name)';
  return undefined;
}

/**
 * A custom domain of REST APIs (`aws_api_gateway_domain_name`), with its base path mappings.
 *
 * @example
 * const domain = new DomainName(this, 'Domain', { domainName: 'api.example.com', certificateArn: cert });
 * domain.addBasePathMapping(prod, { basePath: 'v1' });
 */
export class DomainName extends Construct {
  /** Whether `x` is a `DomainName`, also across two copies of the package. */
  public static isDomainName(x: unknown): x is DomainName {
    return hasBrand(x, 'DomainName');
  }

  /** The host name, as a reference to the domain resource: users of it come after it. */
  public readonly domainName: string;

  /** The endpoint type of the domain. */
  public readonly endpointType: EndpointType;

  /** ARN of the domain. */
  public readonly domainNameArn: string;

  /** The host name of a REGIONAL domain's endpoint, the target of a DNS alias. */
  public readonly regionalDomainName: string;

  /** The Route 53 hosted zone of a REGIONAL domain's endpoint, for a DNS alias. */
  public readonly regionalZoneId: string;

  /** The CloudFront host name of an EDGE domain, the target of a DNS alias. */
  public readonly cloudfrontDomainName: string;

  /** The Route 53 hosted zone of an EDGE domain's CloudFront distribution (always Z2FDTNDATAQYW2). */
  public readonly cloudfrontZoneId: string;

  private readonly resource: ApiGatewayDomainName;
  private readonly mappings: BasePathMapping[] = [];
  private readonly hostName: string;

  constructor(scope: Construct, id: string, props: DomainNameProps) {
    super(scope, freeId(scope, id));
    brand(this, 'DomainName');
    const rollback = new Rollback(this);
    try {
      checkStruct(this, 'props', props, 'DomainNameProps such as { domainName: \'api.example.com\', certificateArn }');
      checkKinds(this, props, {
        domainName: 'string', certificateArn: 'string', regionalCertificateArn: 'string', edgeCertificateArn: 'string', endpointType: 'string',
        securityPolicy: 'string', mtls: 'object', tags: 'map<string>',
      });
      checkNonEmpty(this, 'domainName', props.domainName, 'a domain name');
      if (!unresolved(props.domainName)) {
        const problem = hostnameProblem(props.domainName);
        if (problem) throw invalid(this, 'domainName', props.domainName, `not a valid host name: ${problem}`);
      }
      const endpointType = props.endpointType ?? EndpointType.REGIONAL;
      checkOneOf(this, 'endpointType', endpointType, [EndpointType.REGIONAL, EndpointType.EDGE]);
      const securityPolicy = props.securityPolicy ?? SecurityPolicy.TLS_1_2;
      checkOneOf(this, 'securityPolicy', securityPolicy, Object.values(SecurityPolicy));
      const edge = endpointType === EndpointType.EDGE;
      const certificate = certificateOf(this, props, edge);
      checkMtls(this, props.mtls, edge, securityPolicy);
      checkTags(this, 'tags', props.tags);

      this.resource = new providerAws.ApiGatewayDomainName(this, 'Resource', literal({
        domainName: props.domainName,
        endpointConfiguration: { types: [endpointType] },
        certificateArn: edge ? certificate : undefined,
        regionalCertificateArn: edge ? undefined : certificate,
        securityPolicy,
        mutualTlsAuthentication: props.mtls && { truststoreUri: props.mtls.truststoreUri, truststoreVersion: props.mtls.truststoreVersion },
        tags: props.tags,
      }));
      this.node.defaultChild = this.resource;
      this.hostName = props.domainName;
      this.endpointType = endpointType;
      this.domainName = this.resource.domainName;
      this.domainNameArn = this.resource.arn;
      this.regionalDomainName = this.resource.regionalDomainName;
      this.regionalZoneId = this.resource.regionalZoneId;
      this.cloudfrontDomainName = this.resource.cloudfrontDomainName;
      this.cloudfrontZoneId = this.resource.cloudfrontZoneId;
    } catch (e) {
      throw rollback.undo(e);
    }
  }

  /** The CloudFront host name of an EDGE domain (the same as `cloudfrontDomainName`). */
  public get edgeDomainName(): string {
    return this.cloudfrontDomainName;
  }

  /** The hosted zone of an EDGE domain (the same as `cloudfrontZoneId`). */
  public get edgeZoneId(): string {
    return this.cloudfrontZoneId;
  }

  /** The base path mappings of the domain. */
  public get basePathMappings(): BasePathMapping[] {
    return [...this.mappings];
  }

  /**
   * Serves a stage under a base path of the domain (`aws_api_gateway_base_path_mapping`):
   * `https://api.example.com/v1/...` for `{ basePath: 'v1' }`, the domain's root without one.
   *
   * @param stage the stage, from `api.deploy()`
   * @param options the base path
   */
  public addBasePathMapping(stage: Stage, options: BasePathMappingOptions = {}): BasePathMapping {
    const basePath = options?.basePath;
    return new BasePathMapping(this, keyedId('Map_', basePath === undefined || basePath === '' ? '(root)' : basePath, this.mappings.length), {
      ...options,
      domainName: this,
      stage,
    });
  }

  /** Adopts an existing custom domain (`DOMAIN-NAME`). */
  public importFrom(id: string): void {
    this.resource.importFrom(id);
  }

  /** The host name as given (a token when it was one). @internal */
  public get _hostName(): string {
    return this.hostName;
  }

  /** Rejects a base path the domain maps already, or any second mapping beside a root one. @internal */
  public _checkBasePath(where: string, basePath: string): void {
    if (unresolved(basePath)) return;
    const taken = this.mappings.map((m) => m.basePath).filter((p) => !unresolved(p));
    if (taken.includes(basePath)) {
      throw invalid(where, 'basePath', basePath, `${pathOf(this)} maps this base path already; each base path of a domain maps one stage`);
    }
    if (this.mappings.length > 0 && (basePath === '' || taken.includes(''))) {
      throw invalid(where, 'basePath', basePath,
        `${pathOf(this)} would have a root mapping beside other mappings; API Gateway allows no other base path mapping on a domain mapped at its root`);
    }
  }

  /** Registers a mapping; returns the undo step. @internal */
  public _attachMapping(mapping: BasePathMapping): () => void {
    this.mappings.push(mapping);
    return () => this.mappings.splice(this.mappings.indexOf(mapping), 1);
  }
}

function certificateOf(scope: DomainName, props: DomainNameProps, edge: boolean): string {
  const wrong = edge ? 'regionalCertificateArn' : 'edgeCertificateArn';
  const right = edge ? 'edgeCertificateArn' : 'regionalCertificateArn';
  if (props[wrong] !== undefined) {
    throw invalid(scope, wrong, props[wrong], edge
      ? 'an EDGE domain takes its certificate from us-east-1 in certificateArn or edgeCertificateArn, never a regional one'
      : 'a REGIONAL domain takes a certificate of its region in certificateArn or regionalCertificateArn, never an edge one');
  }
  if (props.certificateArn !== undefined && props[right] !== undefined) {
    throw invalid(scope, right, props[right], `give the certificate once: certificateArn or ${right}`);
  }
  const certificate = props.certificateArn ?? props[right];
  const property = props.certificateArn !== undefined ? 'certificateArn' : right;
  if (certificate === undefined) {
    throw invalid(scope, 'certificateArn', undefined, 'a custom domain needs an ACM certificate ARN (arn:aws:acm:region:account:certificate/id)');
  }
  checkPattern(scope, property, certificate, CERTIFICATE_ARN, 'an ACM certificate ARN: arn:aws:acm:region:account:certificate/id');
  if (edge && !unresolved(certificate)) {
    const region = CERTIFICATE_ARN.exec(certificate)![1];
    if (region !== 'us-east-1') {
      throw invalid(scope, property, certificate, `an EDGE domain takes a certificate from us-east-1, where CloudFront reads it, not from ${region}`);
    }
  }
  return certificate;
}

function checkMtls(scope: DomainName, mtls: MTLSConfig | undefined, edge: boolean, securityPolicy: SecurityPolicy): void {
  if (mtls === undefined) return;
  checkStruct(scope, 'mtls', mtls, 'an MTLSConfig such as { truststoreUri: \'s3://bucket/truststore.pem\' }');
  if (edge) throw invalid(scope, 'mtls', mtls, 'API Gateway offers mutual TLS on REGIONAL domains only, not on EDGE');
  if (securityPolicy !== SecurityPolicy.TLS_1_2) {
    throw invalid(scope, 'securityPolicy', securityPolicy, 'mutual TLS needs SecurityPolicy.TLS_1_2');
  }
  checkKinds(scope, mtls, { truststoreUri: 'string', truststoreVersion: 'string' });
  checkNonEmpty(scope, 'mtls.truststoreUri', mtls.truststoreUri, 'the truststore URI');
  checkPattern(scope, 'mtls.truststoreUri', mtls.truststoreUri, /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/\S+$/, 'the truststore is an S3 object: s3://bucket/key');
}
