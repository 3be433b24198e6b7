import 'reflect-metadata';
import { ContainerModule, inject, injectable } from 'inversify';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  buildReport,
  ConfigurationError,
  createHrKit,
  declareCapabilities,
  type Employee,
  type HrConnectorV1,
  NotSupportedError,
  type ProviderDefinition,
  type ProviderPlugin,
  TOKENS,
  withEnvironment,
} from '../src/index.js';
import { sampleEmployee } from './fixtures.js';

const GREETING = Symbol.for('test/Greeting');
const FakeConfig = z.preprocess(
  (input) => withEnvironment(input, { token: 'FAKE_TOKEN' }),
  z.strictObject({ token: z.string().min(4), baseUrl: z.url().optional() }),
);
type FakeConfig = z.infer<typeof FakeConfig>;

function fakeProvider(key: string, supportsList: boolean): ProviderPlugin {
  @injectable()
  class FakeConnector implements HrConnectorV1 {
    readonly specificationVersion = 'v1' as const;
    readonly provider = key;
    readonly capabilities = declareCapabilities({ 'employees.list': supportsList });
    constructor(
      @inject(TOKENS.ConnectionConfig) readonly config: FakeConfig,
      @inject(GREETING) readonly greeting: string,
    ) {}
    async *listEmployees(): AsyncIterable<Employee> {
      yield { ...sampleEmployee(key), name: { ...sampleEmployee(key).name, display: this.greeting } };
    }
    async check() {
      return buildReport(key, []);
    }
  }
  const definition: ProviderDefinition<FakeConfig> = {
    key,
    displayName: key,
    specificationVersion: 'v1',
    capabilities: new FakeConnector({ token: 'xxxx' }, '').capabilities,
    connectionSchema: FakeConfig as z.ZodType<FakeConfig>,
    secretsOf: (config) => [config.token],
    connector: FakeConnector,
  };
  return {
    key,
    module: new ContainerModule(({ bind, isBound }) => {
      bind(TOKENS.ProviderDefinition).toConstantValue(definition);
      if (!isBound(GREETING)) bind(GREETING).toConstantValue('default greeting');
    }),
  };
}

describe('createHrKit', () => {
  it('resolves two providers side by side, each with its own config', async () => {
    const kit = createHrKit({ providers: [fakeProvider('alpha', true), fakeProvider('beta', false)] });
    expect(kit.providers().sort()).toEqual(['alpha', 'beta']);
    const alpha = kit.connect('alpha', { token: 'alpha-token' });
    const beta = kit.connect('beta', { token: 'beta-token' });
    const names: string[] = [];
    for await (const employee of alpha.employees.list()) names.push(employee.provider);
    expect(names).toEqual(['alpha']);
    expect(() => beta.employees.list()).toThrow(NotSupportedError);
    expect((alpha.connector as unknown as { config: FakeConfig }).config.token).toBe('alpha-token');
    expect((beta.connector as unknown as { config: FakeConfig }).config.token).toBe('beta-token');
  });

  it('lets a consumer override an adapter part by rebinding', async () => {
    const override = new ContainerModule(({ rebind }) => {
      rebind(GREETING).toConstantValue('overridden');
    });
    const kit = createHrKit({ providers: [fakeProvider('alpha', true)], overrides: [override] });
    const displayNames: (string | null)[] = [];
    for await (const employee of kit.connect('alpha', { token: 'tok-1234' }).employees.list())
      displayNames.push(employee.name.display);
    expect(displayNames).toEqual(['overridden']);
  });

  it('fails at connect with a configuration error naming the field', () => {
    const kit = createHrKit({ providers: [fakeProvider('alpha', true)] });
    expect(() => kit.connect('gamma', {})).toThrow(/Unknown provider "gamma"/);
    try {
      kit.connect('alpha', { token: 'secret-token-value', baseUrl: 'not a url' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).field).toBe('baseUrl');
      expect(String((error as Error).message)).not.toContain('secret-token-value');
    }
    expect(() => kit.connect('alpha', { token: 'abcd', extra: 1 })).toThrow(ConfigurationError);
  });

  it('reads credentials from the environment when not given', () => {
    process.env.FAKE_TOKEN = 'from-env-1234';
    try {
      const kit = createHrKit({ providers: [fakeProvider('alpha', true)] });
      const connection = kit.connect('alpha');
      expect((connection.connector as unknown as { config: FakeConfig }).config.token).toBe('from-env-1234');
    } finally {
      delete process.env.FAKE_TOKEN;
    }
  });

  it('rejects bad read options before any request', () => {
    const kit = createHrKit({ providers: [fakeProvider('alpha', true)] });
    const alpha = kit.connect('alpha', { token: 'abcd' });
    expect(() => alpha.timeOff.whosOut({ from: '2026-13-01', to: '2026-01-01' })).toThrow(ConfigurationError);
    expect(() => alpha.compensation.list()).toThrow(/includeCompensation/);
  });
});
