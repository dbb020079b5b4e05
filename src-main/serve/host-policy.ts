import { networkInterfaces } from 'node:os';
import { isLoopbackAddress } from './network';

/** The names this machine answers to on the loopback interface. */
const LOOPBACK_NAMES = ['localhost', 'localhost.localdomain', 'ip6-localhost'];
/** Interface addresses change (DHCP, Wi-Fi); re-read them this often rather than per request. */
const ADDRESS_TTL_MS = 5000;

export interface HostPolicy {
  /** Whether a `Host` header names this station (a loopback name, the listen host, an own address). */
  allowsHost(host: string | undefined): boolean;
  /** Whether an `Origin` header is a page served from one of those same names. */
  allowsOrigin(origin: string | undefined): boolean;
}

/** `example:4711` → `example`, `[::1]:4711` → `::1`; lower case, no trailing dot, no zone. */
export function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  const name = h.startsWith('[') ? h.slice(1, h.indexOf(']')) : h.split(':')[0]!;
  return name.replace(/%.*$/, '').replace(/\.$/, '');
}

/**
 * The DNS-rebinding guard: a page on evil.example whose name resolves to 127.0.0.1 reaches the
 * station with `Host: evil.example`, so only requests naming the station itself are served, and
 * a browser Origin must be one of those names too (checked against the list, not against Host,
 * which the same attacker controls).
 */
export function createHostPolicy(listenHost: string, now: () => number = Date.now): HostPolicy {
  let own = new Set<string>();
  let readAt = -Infinity;
  const names = () => {
    if (now() - readAt > ADDRESS_TTL_MS) {
      own = new Set([...LOOPBACK_NAMES, hostName(listenHost)]);
      for (const list of Object.values(networkInterfaces()))
        for (const n of list ?? []) own.add(n.address.toLowerCase());
      readAt = now();
    }
    return own;
  };
  const allowsName = (name: string) =>
    name !== '' &&
    name !== '0.0.0.0' &&
    name !== '::' &&
    (isLoopbackAddress(name) || names().has(name));

  return {
    allowsHost: (host) => host !== undefined && allowsName(hostName(host)),
    allowsOrigin(origin) {
      if (origin === undefined) return true; // not a browser: Host alone decides
      try {
        const url = new URL(origin);
        return (
          (url.protocol === 'http:' || url.protocol === 'https:') && allowsName(hostName(url.host))
        );
      } catch {
        return false; // 'null' (sandboxed frames, file:) and anything unparsable
      }
    },
  };
}
