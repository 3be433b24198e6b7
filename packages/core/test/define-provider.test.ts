import 'reflect-metadata';
import { ContainerModule } from 'inversify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  buildReport,
  ConfigurationError,
  type CredentialSpec,
  createHrKit,
  declareCapabilities,
  defineProvider,
  environmentOf,
  flagNameOf,
  type HrConnectorV1,
  providerOptionsToken,
  withEnvironment,
} from '../src/index.js';
import { MemoryLogger } from '../src/testing/index.js';

const CREDENTIALS: CredentialSpec[] = [
  { key: 'clientId', env: 'DEMO_CLIENT_ID', secret: false, description: 'the API client id' },
  { key: 'clientSecret', env: 'DEMO_CLIENT_SECRET', secret: true, description: 'the API client secret' },
];
const Config = z.preprocess(
  (input) => withEnvironment(input, environmentOf(CREDENTIALS), { DEMO_CLIENT_SECRET: 'from-the-env-secret' }),
  z.strictObject({ clientId: z.string(), clientSecret: z.string().min(8) }),
);
type Config = z.infer<typeof Config>;
const Options = z.strictObject({ greeting: z.string().default('hello') });

interface DemoConnector extends HrConnectorV1 {
  config: Config;
  greeting: string;
  log(): void;
}

const demo = defineProvider<Config, z.infer<typeof Options>, z.input<typeof Options>>({
  key: 'demo',
  displayName: 'Demo HR',
  capabilities: declareCapabilities({ 'employees.list': true }),
  config: Config as z.ZodType<Config>,
  credentials: CREDENTIALS,
  webhook: { env: 'DEMO_WEBHOOK_SECRET', signatureHeader: 'demo-signature' },
  options: Options,
  connector: ({ config, options, logger }): DemoConnector => ({
    specificationVersion: 'v1',
    provider: 'demo',
    capabilities: declareCapabilities({ 'employees.list': true }),
    config,
    greeting: options.greeting,
    log: () => logger.info('demo.hello', {}),
    async *listEmployees() {},
    check: async () => buildReport('demo', []),
  }),
});

describe('defineProvider', () => {
  it('builds the plugin: validated options, env fallback from the declared credentials, secrets redacted', () => {
    const kit = createHrKit({ providers: [demo({ greeting: 'hi' })] });
    const connection = kit.connect('demo', { clientId: 'client-1' });
    const connector = connection.connector as DemoConnector;
    expect(connector.config.clientSecret).toBe('from-the-env-secret');
    expect(connector.greeting).toBe('hi');
    expect(kit.definition('demo').secretsOf(connector.config)).toEqual(['from-the-env-secret']);
    expect(kit.definition('demo').credentials).toBe(CREDENTIALS);
  });

  it('refuses bad plugin options with a ConfigurationError naming them', () => {
    expect(() => demo({ greeting: 42 as unknown as string })).toThrow(ConfigurationError);
    expect(() => demo({ greting: 'typo' } as never)).toThrow(/demo\(\) plugin options/);
  });

  it('overrides reach the connector: rebound options and a logger bound by the consumer', () => {
    const logger = new MemoryLogger();
    const overridden = createHrKit({
      providers: [demo()],
      overrides: [
        new ContainerModule(({ rebind, bind }) => {
          rebind(providerOptionsToken('demo')).toConstantValue({ greeting: 'overridden' });
          bind(Symbol.for('@hrkit/core/Logger')).toConstantValue(logger);
        }),
      ],
    });
    const connector = overridden.connect('demo', { clientId: 'c', clientSecret: 'long-enough-secret' })
      .connector as DemoConnector;
    expect(connector.greeting).toBe('overridden');
    connector.log();
    expect(logger.lines.map((line) => line.message)).toEqual(['demo.hello']);
  });

  it('exposes the static facts the CLI reads, and flag names from credential keys', () => {
    expect(demo.provider.key).toBe('demo');
    expect(demo.provider.credentials?.map((credential) => flagNameOf(credential.key))).toEqual([
      'client-id',
      'client-secret',
    ]);
    expect(demo.provider.webhook?.signatureHeader).toBe('demo-signature');
  });

  it("binds the adapter's own replaceable parts from the options, and a consumer can rebind them", () => {
    const PART = Symbol.for('@hrkit/demo/Part');
    const withPart = defineProvider<Config, z.infer<typeof Options>, z.input<typeof Options>>({
      key: 'demo',
      displayName: 'Demo HR',
      capabilities: declareCapabilities({ 'employees.list': true }),
      config: Config as z.ZodType<Config>,
      credentials: CREDENTIALS,
      options: Options,
      bindings: (options) => [[PART, `part for ${options.greeting}`]],
      connector: ({ config, resolve }): DemoConnector => ({
        specificationVersion: 'v1',
        provider: 'demo',
        capabilities: declareCapabilities({ 'employees.list': true }),
        config,
        greeting: resolve<string>(PART),
        log: () => undefined,
        async *listEmployees() {},
        check: async () => buildReport('demo', []),
      }),
    });
    const config = { clientId: 'c', clientSecret: 'long-enough-secret' };
    const bound = createHrKit({ providers: [withPart({ greeting: 'hi' })] }).connect('demo', config);
    expect((bound.connector as DemoConnector).greeting).toBe('part for hi');
    const rebound = createHrKit({
      providers: [withPart()],
      overrides: [
        new ContainerModule(({ rebind }) => {
          rebind(PART).toConstantValue('replaced');
        }),
      ],
    }).connect('demo', config);
    expect((rebound.connector as DemoConnector).greeting).toBe('replaced');
  });
});
