import { isIP } from 'node:net';

/**
 * Where an adapter may send a customer's credentials. Products often let their tenants type a base URL; without a
 * policy a tenant could point hrkit at the cloud metadata service or an internal host and have the connection's
 * credentials (and its reads) sent there. The default is safe for that case: https only (plain http to loopback
 * only), and private, link-local, shared, multicast and metadata addresses refused unless the consumer — the
 * product's code, never the tenant's config — opts in. See docs/security.md › Base URL policy.
 */
export interface NetworkPolicy {
  /**
   * Allow private (RFC 1918, fc00::/7), shared (100.64.0.0/10) and link-local addresses, e.g. an HR system behind
   * the consumer's VPN. Cloud metadata addresses stay refused: name them in `allowedHosts` if you really mean it.
   * Default false.
   */
  allowPrivateNetwork?: boolean;
  /**
   * Host names or IP literals trusted whatever their address, over http or https, e.g. `['hr-mock.internal']`.
   * Exact, case-insensitive matches of the URL's host (no wildcards).
   */
  allowedHosts?: readonly string[];
}

/** Cloud metadata services: AWS/GCP/Azure/OpenStack/DigitalOcean, AWS IPv6, ECS tasks, Alibaba, Oracle. */
const METADATA_ADDRESSES = new Set([
  '169.254.169.254',
  'fd00:ec2::254',
  '169.254.170.2',
  '100.100.100.200',
  '192.0.0.192',
]);
const METADATA_NAMES = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'instance-data',
  'instance-data.ec2.internal',
]);

export type AddressClass = 'loopback' | 'metadata' | 'private' | 'link-local' | 'reserved' | 'public';

/** The class of an IP address (v4 or v6, including IPv4-mapped and NAT64 forms). */
export function addressClass(address: string): AddressClass {
  const ip = address.replace(/^\[|\]$/g, '').toLowerCase();
  if (METADATA_ADDRESSES.has(ip)) return 'metadata';
  if (isIP(ip) === 4) return ipv4Class(ip);
  if (isIP(ip) === 6) return ipv6Class(ip);
  return 'reserved';
}

function ipv4Class(ip: string): AddressClass {
  const [a = 0, b = 0] = ip.split('.').map(Number);
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 100 && b >= 64 && b <= 127) return 'private';
  if (a === 169 && b === 254) return 'link-local';
  if (a === 0 || a >= 224 || (a === 192 && b === 0) || (a === 198 && (b === 18 || b === 19))) return 'reserved';
  return 'public';
}

function ipv6Class(ip: string): AddressClass {
  const groups = expandIpv6(ip);
  if (!groups) return 'reserved';
  const [first = 0] = groups;
  if (groups.every((group, index) => group === (index === 7 ? 1 : 0))) return 'loopback';
  if (groups.every((group) => group === 0)) return 'reserved';
  // ::ffff:a.b.c.d (IPv4-mapped) and 64:ff9b::a.b.c.d (NAT64) reach the IPv4 address they embed.
  const embedsV4 =
    (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) ||
    (first === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((group) => group === 0));
  if (embedsV4) {
    const v4 = `${(groups[6] ?? 0) >> 8}.${(groups[6] ?? 0) & 255}.${(groups[7] ?? 0) >> 8}.${(groups[7] ?? 0) & 255}`;
    return METADATA_ADDRESSES.has(v4) ? 'metadata' : ipv4Class(v4);
  }
  if ((first & 0xfe00) === 0xfc00) return 'private';
  if ((first & 0xffc0) === 0xfe80) return 'link-local';
  if ((first & 0xff00) === 0xff00) return 'reserved';
  return 'public';
}

/** Eight 16-bit groups, or null when `ip` is not a full IPv6 literal. */
function expandIpv6(ip: string): number[] | null {
  let text = ip.split('%')[0] ?? '';
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted[1].split('.').map(Number);
    text = `${text.slice(0, -dotted[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? left.length !== 8 : missing < 0) return null;
  return [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right].map((g) =>
    Number.parseInt(g, 16),
  );
}

function isLoopbackName(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost');
}

function allowedByList(host: string, policy: NetworkPolicy): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return (policy.allowedHosts ?? []).some((allowed) => allowed.toLowerCase().replace(/^\[|\]$/g, '') === bare);
}

/** Why an address the host resolved to may not be contacted under `policy`, or null when it may. */
export function addressProblem(address: string, host: string, policy: NetworkPolicy = {}): string | null {
  if (allowedByList(host.toLowerCase(), policy)) return null;
  const kind = addressClass(address);
  if (kind === 'public' || kind === 'loopback') return null;
  if (kind === 'metadata') return `${address} is a cloud metadata address (name the host in allowedHosts to allow it)`;
  if ((kind === 'private' || kind === 'link-local') && policy.allowPrivateNetwork) return null;
  return `${address} is a ${kind} address (pass allowPrivateNetwork: true or list the host in allowedHosts to allow it)`;
}

/**
 * Why `baseUrl` may not receive credentials under `policy`, or null when it may. Checks what can be known without
 * DNS: the scheme, user info, IP literals (in any form the URL parser accepts: `2130706433`, `0x7f.1`, `[::ffff:…]`)
 * and metadata host names. Names are checked again against the addresses they resolve to, on every connection
 * (`guardedLookup`).
 */
export function baseUrlProblem(baseUrl: string, policy: NetworkPolicy = {}): string | null {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return 'must be an absolute http(s) URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an absolute http(s) URL';
  if (url.username || url.password) return 'must not carry a user name or password';
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const listed = allowedByList(host, policy);
  const literal = isIP(host.replace(/^\[|\]$/g, '')) !== 0;
  const loopback = isLoopbackName(host) || (literal && addressClass(host) === 'loopback');
  if (url.protocol === 'http:' && !loopback && !listed)
    return 'must use https (plain http is allowed only to loopback, or to a host listed in allowedHosts)';
  if (listed || loopback) return null;
  if (METADATA_NAMES.has(host)) return `${host} is a cloud metadata host (name it in allowedHosts to allow it)`;
  return literal ? addressProblem(host, host, policy) : null;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address?: unknown, family?: number) => void;
type Lookup = (hostname: string, options: object, callback: LookupCallback) => void;

/** Refused connections fail with this code; the HTTP toolkit turns it into a ConfigurationError. */
export const REFUSED_ADDRESS_CODE = 'EHRKIT_REFUSED_ADDRESS';

/**
 * A `dns.lookup` that refuses what `policy` refuses, so a public-looking name that resolves to a private or metadata
 * address (`169.254.169.254.nip.io`, DNS rebinding) is refused before the socket connects — before any byte, and so
 * any credential, is sent.
 */
export function guardedLookup(lookup: Lookup, policy: NetworkPolicy): Lookup {
  return (hostname, options, callback) => {
    lookup(hostname, options, (error, address, family) => {
      if (error) return callback(error);
      const all = Array.isArray(address) ? (address as { address: string }[]) : [{ address: String(address) }];
      for (const entry of all) {
        const problem = addressProblem(entry.address, hostname, policy);
        if (problem) {
          const refused: NodeJS.ErrnoException = new Error(`${hostname} resolved to ${problem}`);
          refused.code = REFUSED_ADDRESS_CODE;
          return callback(refused);
        }
      }
      callback(null, address, family);
    });
  };
}
