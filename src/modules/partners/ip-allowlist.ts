import { BlockList, isIP } from 'node:net';
import { badPartnerInput } from './errors.js';

/** An address as Node reports it for a socket: IPv4 clients on a dual-stack server come as `::ffff:a.b.c.d`. */
function plainAddress(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return mapped ? mapped[1]! : ip;
}

interface Entry {
  address: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

function parseEntry(text: string): Entry | undefined {
  const [rawAddress, rawPrefix, extra] = text.trim().split('/');
  if (rawAddress === undefined || extra !== undefined) return undefined;
  const address = plainAddress(rawAddress);
  const version = isIP(address);
  if (version === 0) return undefined;
  const bits = version === 4 ? 32 : 128;
  if (rawPrefix !== undefined && !/^\d{1,3}$/.test(rawPrefix)) return undefined;
  const prefix = rawPrefix === undefined ? bits : Number(rawPrefix);
  if (prefix > bits) return undefined;
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

/**
 * The allowlist as registered, each entry checked and written in one form (`a.b.c.d/n`); a bad
 * entry is refused naming its position.
 */
export function normaliseAllowlist(entries: readonly string[]): string[] {
  return entries.map((text, i) => {
    const entry = parseEntry(text);
    if (!entry) throw badPartnerInput(`ip_allowlist[${i}]`, `"${text}" is not an IPv4 or IPv6 address or CIDR block (e.g. 203.0.113.0/24)`);
    return `${entry.address}/${entry.prefix}`;
  });
}

/** Whether `ip` lies in one of the (normalised) entries. */
export function allowlistAdmits(entries: readonly string[], ip: string | undefined): boolean {
  if (!ip) return false;
  const address = plainAddress(ip);
  const version = isIP(address);
  if (version === 0) return false;
  const list = new BlockList();
  for (const text of entries) {
    const entry = parseEntry(text);
    if (entry) list.addSubnet(entry.address, entry.prefix, entry.family);
  }
  return list.check(address, version === 4 ? 'ipv4' : 'ipv6');
}
