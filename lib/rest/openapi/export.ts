
/** A JSON object of the document under construction. */
export type Json = { [key: string]: unknown };

/** API Gateway's name for the operation that catches every HTTP method. */
const ANY_METHOD = 'x-amazon-apigateway-any-method';

/** Schemas of the models every REST API has, written when an operation names them. */
const BUILT_IN_MODELS: { [name: string]: Json } = {
  Empty: { title: 'Empty Schema', type: 'object' },
  Error: { title: 'Error Schema', type: 'object', properties: { message: { type: 'string' } } },
};

interface SecurityNeed {
  readonly operation: Json;
  readonly authorizer: unknown;
  readonly scopes: string[];
  readonly what: string;
}

/**
 * The OpenAPI 3.0 document of a REST API, filled in by the API's members: each kind of
 * construct adds its part (a path, an operation, a response, an integration extension, a
 * security scheme, a schema) through the `openApi` hook of its member, in the order the
 * constructs were made. Parts that name each other by an ID known only to Terraform (a method's
 * `authorizerId`, `requestValidatorId`) are matched when the document is finished.
 *
 * String values may hold tokens; they stay in the JSON text as cdktf token markers, which
 * resolve to Terraform expressions where the text is used as an attribute.
 */
export class OpenApiDocument {
  private readonly root: Json;
  private readonly paths: Json = {};
  private readonly schemas: Json = {};
  private readonly securitySchemes: Json = {};
  private readonly referencedModels = new Set<string>();
  private readonly authorizers = new Map<unknown, { name: string; scheme: Json }>();
  private readonly unmatched: string[] = [];
  private readonly unmatchedValidatorList: string[] = [];
  private readonly validators = new Map<unknown, { name: string; validator: Json }>();
  private readonly securityNeeds: SecurityNeed[] = [];
  private readonly validatorNeeds: Array<{ operation: Json; validator: unknown; what: string }> = [];

  constructor(title: string, version: string = '1.0') {
    this.root = { openapi: '3.0.1', info: { title, version } };
  }

  /** Sets a top-level field or extension (`x-amazon-apigateway-binary-media-types`); undefined leaves it out. */
  public set(field: string, value: unknown): void {
    if (value !== undefined) this.root[field] = value;
  }

  /** Sets a field of `info`. */
  public setInfo(field: string, value: unknown): void {
    if (value !== undefined) (this.root.info as Json)[field] = value;
  }

  /** The path item of a path (`/pets/{id}`), created empty when it is new. */
  public path(path: string): Json {
    let item = this.paths[path] as Json | undefined;
    if (!item) {
      item = {};
      this.paths[path] = item;
    }
    return item;
  }

  /** The operation of a method on a path, created when it is new; path variables are declared on it. */
  public operation(path: string, httpMethod: string): Json {
    const item = this.path(path);
    const key = httpMethod === 'ANY' ? ANY_METHOD : httpMethod.toLowerCase();
    let operation = item[key] as Json | undefined;
    if (!operation) {
      operation = {};
      item[key] = operation;
      for (const variable of path.match(/\{[^}]+\}/g) ?? []) {
        this.parameter(operation, 'path', variable.slice(1, -1).replace(/\+$/, ''), true);
      }
    }
    return operation;
  }

  /** Declares a parameter of an operation (`in`: path, query or header) once. */
  public parameter(operation: Json, location: string, name: string, required: boolean): void {
    const parameters = (operation.parameters ??= []) as Json[];
    const existing = parameters.find((p) => p.in === location && p.name === name);
    if (existing) {
      if (required) existing.required = true;
      return;
    }
    parameters.push({ name, in: location, required: location === 'path' ? true : required, schema: { type: 'string' } });
  }

  /** The response object of a status code, created when it is new. */
  public response(operation: Json, statusCode: string): Json {
    const responses = (operation.responses ??= {}) as Json;
    let response = responses[statusCode] as Json | undefined;
    if (!response) {
      response = { description: `${statusCode} response` };
      responses[statusCode] = response;
    }
    return response;
  }

  /** A `$ref` to the schema of a model by name; built-in models (`Empty`, `Error`) are added when used. */
  public modelReference(modelName: string): Json {
    this.referencedModels.add(modelName);
    return { $ref: `#/components/schemas/${modelName}` };
  }

  /** Adds a schema under `components.schemas`, as a model does. */
  public addSchema(name: string, schema: Json): void {
    this.schemas[name] = schema;
  }

  /** Adds a security scheme under `components.securitySchemes`. */
  public addSecurityScheme(name: string, scheme: Json): void {
    this.securitySchemes[name] = scheme;
  }

  /**
   * Adds a security scheme that stands for an authorizer (`x-amazon-apigateway-authorizer`),
   * found by the key methods name it with (the authorizer construct, or an ID).
   */
  public addAuthorizer(key: unknown, name: string, scheme: Json): void {
    this.authorizers.set(key, { name, scheme });
    this.addSecurityScheme(name, scheme);
  }

  /** Marks an operation (`what`: `GET /pets`) as authorized by an authorizer, matched when the document is finished. */
  public requireAuthorizer(operation: Json, authorizer: unknown, scopes: string[] = [], what: string = 'an operation'): void {
    this.securityNeeds.push({ operation, authorizer, scopes, what });
  }

  /** Operations whose authorizer has no security scheme in the document (one made outside the API), once it is finished. */
  public get unmatchedAuthorizers(): readonly string[] {
    return this.unmatched;
  }

  /** Adds a security requirement to an operation. */
  public addSecurity(operation: Json, scheme: string, scopes: string[] = []): void {
    ((operation.security ??= []) as Json[]).push({ [scheme]: scopes });
  }

  /** Adds a request validator (`x-amazon-apigateway-request-validators`), found by the key methods name it with (the construct, or an ID). */
  public addRequestValidator(key: unknown, name: string, validator: Json): void {
    this.validators.set(key, { name, validator });
  }

  /** Marks an operation (`what`: `GET /pets`) as validated by a request validator, matched when the document is finished. */
  public requireRequestValidator(operation: Json, validator: unknown, what: string = 'an operation'): void {
    this.validatorNeeds.push({ operation, validator, what });
  }

  /** Operations whose request validator is not in the document (one made outside the API), once it is finished. */
  public get unmatchedValidators(): readonly string[] {
    return this.unmatchedValidatorList;
  }

  /** Adds a gateway response (`x-amazon-apigateway-gateway-responses`) by response type. */
  public addGatewayResponse(responseType: string, response: Json): void {
    ((this.root['x-amazon-apigateway-gateway-responses'] ??= {}) as Json)[responseType] = response;
  }

  /** The finished document as an object. */
  public toJson(): Json {
    this.unmatched.length = 0;
    for (const need of this.securityNeeds) {
      // An authorizer made outside the API has no scheme in the document: the operation names none.
      const authorizer = this.authorizers.get(need.authorizer);
      if (authorizer && !(need.operation.security as Json[] | undefined)?.some((s) => authorizer.name in s)) {
        this.addSecurity(need.operation, authorizer.name, need.scopes);
      }
      if (!authorizer) this.unmatched.push(need.what);
    }
    const validators: Json = {};
    this.unmatchedValidatorList.length = 0;
    for (const need of this.validatorNeeds) {
      const validator = this.validators.get(need.validator);
      if (validator) need.operation['x-amazon-apigateway-request-validator'] = validator.name;
      else this.unmatchedValidatorList.push(need.what);
    }
    for (const { name, validator } of this.validators.values()) validators[name] = validator;
    if (Object.keys(validators).length > 0) this.root['x-amazon-apigateway-request-validators'] = validators;

    for (const name of this.referencedModels) {
      if (!(name in this.schemas)) this.schemas[name] = BUILT_IN_MODELS[name] ?? { type: 'object' };
    }
    const paths: Json = {};
    for (const path of Object.keys(this.paths).sort()) {
      const item = this.paths[path] as Json;
      const operations: Json = {};
      for (const key of Object.keys(item).sort()) {
        const operation = item[key] as Json;
        // OpenAPI requires at least one response per operation.
        operation.responses ??= { default: { description: 'Default response' } };
        // Sorted fields: the same API gives the same text whichever order its parts were added in.
        operations[key] = sortedObject(operation);
      }
      paths[path] = operations;
    }
    const components: Json = {};
    if (Object.keys(this.schemas).length > 0) components.schemas = sortedObject(this.schemas);
    if (Object.keys(this.securitySchemes).length > 0) components.securitySchemes = sortedObject(this.securitySchemes);
    const out: Json = { ...this.root, paths };
    if (Object.keys(components).length > 0) out.components = components;
    return out;
  }

}

function sortedObject(value: Json): Json {
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, value[k]]));
}

/** The OpenAPI location of a request parameter (`method.request.querystring.x` → query). */
export function parameterLocation(source: string): string | undefined {
  const m = /^method\.request\.(path|querystring|multivaluequerystring|header|multivalueheader)\./.exec(source);
  if (!m) return undefined;
  return m[1] === 'path' ? 'path' : m[1].endsWith('querystring') ? 'query' : 'header';
}

/** Drops undefined fields, so that the document carries only what was set. */
export function defined(value: Json): Json {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
