import { describe, expect, it } from 'vitest';
import { isIpLiteral, refusalReason } from '../../src/feeds/addressPolicy.ts';

describe('the SSRF address classifier', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.5', 'private address 10.0.0.5'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.254', 'carrier-grade NAT'],
    ['169.254.169.254', 'cloud metadata'],
    ['169.254.1.1', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.1', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['fc00::1', 'unique local'],
    ['fd12:3456::1', 'unique local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.5', 'private'],
    ['::ffff:169.254.169.254', 'cloud metadata'],
    ['::127.0.0.1', 'loopback'],
    ['::10.0.0.5', 'private'],
    ['64:ff9b::a00:5', 'private'],
    ['2002:a00:5::1', 'private'],
    ['[::1]', 'loopback'],
    ['fe80::1%eth0', 'link-local'],
  ])('refuses %s (%s)', (ip, words) => {
    expect(refusalReason(ip)).toContain(words);
  });

  it.each(['8.8.8.8', '1.1.1.1', '151.101.1.67', '100.63.255.255', '100.128.0.1', '172.32.0.1', '2606:4700::1111', '2a00:1450:4001:80b::200e', '::ffff:8.8.8.8'])(
    'lets the public address %s through',
    (ip) => {
      expect(refusalReason(ip)).toBeNull();
    },
  );

  it('refuses what is not an address at all rather than guessing', () => {
    expect(refusalReason('not-an-ip')).toContain('unrecognised');
  });

  it('tells IP literals (which skip DNS) from host names', () => {
    expect(isIpLiteral('127.0.0.1')).toBe(true);
    expect(isIpLiteral('[::ffff:7f00:1]')).toBe(true);
    expect(isIpLiteral('localhost')).toBe(false);
    expect(isIpLiteral('example.com')).toBe(false);
  });
});
