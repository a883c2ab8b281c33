/**
 * `inventory`: every integration response of every REST and WebSocket API of a region, as
 * Markdown, CSV or JSON rows.
 */
import {
  GetIntegrationResponseCommand, GetIntegrationCommand, paginateGetResources, paginateGetRestApis, Resource, RestApi,
} from '@aws-sdk/client-api-gateway';
import { Api, GetApisCommand, GetIntegrationResponsesCommand, GetIntegrationsCommand, GetRoutesCommand, Integration, Route } from '@aws-sdk/client-apigatewayv2';
import { allTokens, call, Clients, explain } from './aws';
import { byText } from './model';
import { Progress } from './rest-reader';

/** One integration response. */
export interface InventoryRow {
  readonly apiType: 'REST' | 'WEBSOCKET';
  readonly apiName: string;
  readonly apiId: string;
  /** Resource path (REST) or the route keys that target the integration (WebSocket). */
  readonly pathOrRoute: string;
  /** HTTP method (REST) or integration ID (WebSocket). */
  readonly methodOrIntegration: string;
  /** Status code (REST) or integration response key (WebSocket). */
  readonly statusOrKey: string;
  readonly selectionPattern: string;
  readonly contentHandling: string;
  /** Content types (REST) or template keys (WebSocket) of the response templates. */
  readonly templateContentTypes: string[];
}

const COLUMNS: [keyof InventoryRow, string][] = [
  ['apiType', 'API type'], ['apiName', 'API name'], ['apiId', 'API ID'], ['pathOrRoute', 'Path or route'],
  ['methodOrIntegration', 'Method or integration'], ['statusOrKey', 'Status code or response key'], ['selectionPattern', 'Selection pattern'],
  ['contentHandling', 'Content handling'], ['templateContentTypes', 'Template content types'],
];

/** Reads every integration response of the region. */
export async function readInventory(clients: Clients, progress: Progress): Promise<InventoryRow[]> {
  const rows: InventoryRow[] = [];
  const endpoint = clients.endpoint;
  const restApis: RestApi[] = [];
  try {
    for await (const page of paginateGetRestApis({ client: clients.v1, pageSize: 500 }, {})) restApis.push(...(page.items ?? []));
  } catch (e) {
    throw explain(e, `the REST APIs of ${clients.region}`, endpoint);
  }
  for (const api of restApis.sort((a, b) => byText(a.name ?? '', b.name ?? '') || byText(a.id ?? '', b.id ?? ''))) {
    const restApiId = api.id as string;
    const resources: Resource[] = [];
    try {
      for await (const page of paginateGetResources({ client: clients.v1, pageSize: 500 }, { restApiId })) resources.push(...(page.items ?? []));
    } catch (e) {
      throw explain(e, `the resources of ${restApiId}`, endpoint);
    }
    let count = 0;
    for (const r of resources.sort((a, b) => byText(a.path ?? '', b.path ?? ''))) {
      for (const httpMethod of Object.keys(r.resourceMethods ?? {}).sort(byText)) {
        const where = `${httpMethod} ${r.path} of ${restApiId}`;
        let integration;
        try {
          integration = await clients.v1.send(new GetIntegrationCommand({ restApiId, resourceId: r.id, httpMethod }));
        } catch (e) {
          if ((e as { name?: string }).name === 'NotFoundException') continue; // a method without integration
          throw explain(e, `the integration of ${where}`, endpoint);
        }
        for (const statusCode of Object.keys(integration.integrationResponses ?? {}).sort(byText)) {
          const ir = await call(`integration response ${statusCode} of ${where}`, endpoint,
            () => clients.v1.send(new GetIntegrationResponseCommand({ restApiId, resourceId: r.id, httpMethod, statusCode })));
          count++;
          rows.push({
            apiType: 'REST', apiName: api.name ?? '', apiId: restApiId, pathOrRoute: r.path ?? '', methodOrIntegration: httpMethod,
            statusOrKey: statusCode, selectionPattern: ir.selectionPattern ?? '', contentHandling: ir.contentHandling ?? '',
            templateContentTypes: Object.keys(ir.responseTemplates ?? {}).sort(byText),
          });
        }
      }
    }
    progress(`REST API ${api.name} (${restApiId}): ${resources.length} resources, ${count} integration responses`);
  }

  const apis: Api[] = await allTokens((NextToken) => call(`the APIs of ${clients.region}`, endpoint, () => clients.v2.send(new GetApisCommand({ NextToken }))));
  for (const api of apis.filter((a) => a.ProtocolType === 'WEBSOCKET').sort((a, b) => byText(a.Name ?? '', b.Name ?? '') || byText(a.ApiId ?? '', b.ApiId ?? ''))) {
    const apiId = api.ApiId as string;
    const routes: Route[] = await allTokens((NextToken) => call(`the routes of ${apiId}`, endpoint, () => clients.v2.send(new GetRoutesCommand({ ApiId: apiId, NextToken }))));
    const integrations: Integration[] = await allTokens((NextToken) =>
      call(`the integrations of ${apiId}`, endpoint, () => clients.v2.send(new GetIntegrationsCommand({ ApiId: apiId, NextToken }))));
    let count = 0;
    for (const i of integrations.sort((a, b) => byText(a.IntegrationId ?? '', b.IntegrationId ?? ''))) {
      const id = i.IntegrationId as string;
      const keys = routes.filter((r) => r.Target === `integrations/${id}`).map((r) => r.RouteKey as string).sort(byText);
      const responses = await allTokens((NextToken) =>
        call(`the responses of integration ${id} of ${apiId}`, endpoint, () => clients.v2.send(new GetIntegrationResponsesCommand({ ApiId: apiId, IntegrationId: id, NextToken }))));
      for (const r of responses.sort((a, b) => byText(a.IntegrationResponseKey ?? '', b.IntegrationResponseKey ?? ''))) {
        const key = r.IntegrationResponseKey ?? '';
        count++;
        rows.push({
          apiType: 'WEBSOCKET', apiName: api.Name ?? '', apiId, pathOrRoute: keys.join(' '), methodOrIntegration: id, statusOrKey: key,
          // The key is the selection: a pattern between slashes, or $default.
          selectionPattern: /^\/.*\/$/.test(key) ? key.slice(1, -1) : '',
          contentHandling: r.ContentHandlingStrategy ?? '',
          templateContentTypes: Object.keys(r.ResponseTemplates ?? {}).sort(byText),
        });
      }
    }
    progress(`WebSocket API ${api.Name} (${apiId}): ${routes.length} routes, ${integrations.length} integrations, ${count} integration responses`);
  }
  return rows;
}

function cell(row: InventoryRow, key: keyof InventoryRow): string {
  const value = row[key];
  return Array.isArray(value) ? value.join(' ') : value;
}

/** The rows as Markdown (a table), CSV (RFC 4180, with a header) or JSON (an array of objects). */
export function formatInventory(rows: InventoryRow[], format: 'markdown' | 'csv' | 'json'): string {
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  if (format === 'csv') {
    const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    return [COLUMNS.map(([, title]) => quote(title)).join(','), ...rows.map((r) => COLUMNS.map(([key]) => quote(cell(r, key))).join(','))]
      .map((l) => `${l}\r\n`).join('');
  }
  const md = (s: string) => (s === '' ? '' : `\`${s.replace(/`/g, "'")}\``.replace(/\|/g, '\\|'));
  const plain = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [
    `| ${COLUMNS.map(([, title]) => title).join(' | ')} |`,
    `|${COLUMNS.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${COLUMNS.map(([key]) => (key === 'selectionPattern' || key === 'pathOrRoute' || key === 'statusOrKey'
      ? md(cell(r, key)) : plain(cell(r, key)))).join(' | ')} |`),
  ];
  return `${lines.join('\n')}\n\n${rows.length} integration response${rows.length === 1 ? '' : 's'}\n`;
}
