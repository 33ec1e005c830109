import { describe, expect, it } from 'vitest';
import {
  addressRange,
  checkWebhookUrl,
  isAllowedAddress,
  parseWebhookUrl,
  resolveWebhookTarget,
  WebhookUrlError,
  type Resolver,
} from '../../functions/core/webhooks/url-policy.ts';

const STRICT = { allowLoopback: false };
const LOCAL = { allowLoopback: true };

/** A resolver from a fixed table, so no test touches the network. */
const fakeDns =
  (table: Record<string, string[]>): Resolver =>
  async (host) => {
    const answers = table[host];
    if (!answers) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

describe('isAllowedAddress', () => {
  const refused: [string, string][] = [
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['169.254.0.1', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.127.255.254', 'carrierGradeNat'],
    ['224.0.0.251', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.10', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456:789a::1', 'uniqueLocal'],
    ['fe80::1', 'linkLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['::ffff:10.1.2.3', 'private'],
    ['0:0:0:0:0:ffff:c0a8:0101', 'private'],
    ['64:ff9b::a9fe:a9fe', 'rfc6052'],
    ['2002:a9fe:a9fe::1', '6to4'],
    ['2001:db8::1', 'reserved'],
  ];
  it.each(refused)('refuses %s (%s)', (address, range) => {
    expect(addressRange(address)).toBe(range);
    expect(isAllowedAddress(address, STRICT)).toBe(false);
  });

  it.each(['8.8.8.8', '93.184.216.34', '172.32.0.1', '100.128.0.1', '169.255.0.1', '2606:4700:4700::1111', '2a00:1450:4001:80b::200e', '::ffff:8.8.8.8'])(
    'allows the public address %s',
    (address) => {
      expect(isAllowedAddress(address, STRICT)).toBe(true);
    },
  );

  it('with loopback allowed, allows loopback and nothing else that is not public', () => {
    for (const a of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) expect(isAllowedAddress(a, LOCAL)).toBe(true);
    for (const a of ['10.0.0.1', '192.168.0.1', '169.254.169.254', 'fd00::1', 'fe80::1', '100.64.0.1']) expect(isAllowedAddress(a, LOCAL)).toBe(false);
  });

  it('refuses what is not an address', () => {
    expect(isAllowedAddress('not-an-ip', LOCAL)).toBe(false);
  });
});

describe('parseWebhookUrl', () => {
  const refusal = (raw: string, policy = STRICT) => {
    try {
      parseWebhookUrl(raw, policy);
    } catch (err) {
      expect(err).toBeInstanceOf(WebhookUrlError);
      return (err as Error).message;
    }
    return 'accepted';
  };

  it('wants https', () => {
    expect(refusal('http://example.com/hook')).toMatch(/https/);
    expect(refusal('ftp://example.com/hook')).toMatch(/https/);
    expect(refusal('file:///etc/passwd')).toMatch(/https/);
    expect(refusal('gopher://127.0.0.1:6379/_INFO')).toMatch(/https/);
    expect(refusal('https://example.com/hook')).toBe('accepted');
  });

  it('refuses URLs that are not absolute, carry credentials or are too long', () => {
    expect(refusal('/relative')).toMatch(/absolute/);
    expect(refusal('https://user:pw@example.com/')).toMatch(/credentials/);
    expect(refusal(`https://example.com/${'a'.repeat(2100)}`)).toMatch(/2048/);
  });

  it('refuses IP literals in every spelling of a non-public address', () => {
    for (const raw of [
      'https://127.0.0.1/',
      'https://2130706433/', // 127.0.0.1 as one number
      'https://0x7f.1/',
      'https://017700000001/', // octal
      'https://169.254.169.254/latest/meta-data/',
      'https://[::1]/',
      'https://[::ffff:127.0.0.1]/',
      'https://[::ffff:a9fe:a9fe]/', // 169.254.169.254 mapped
      'https://[fd00::1]:8443/',
      'https://[fe80::1]/',
      'https://10.0.0.1:443/',
      'https://0.0.0.0/',
    ]) {
      expect(refusal(raw), raw).toMatch(/non-public/);
    }
  });

  it('allows http only to loopback, and only when the local stack says so', () => {
    expect(refusal('http://127.0.0.1:8080/hook', STRICT)).toMatch(/https/);
    expect(refusal('http://localhost:8080/hook', STRICT)).toMatch(/https/);
    expect(refusal('http://127.0.0.1:8080/hook', LOCAL)).toBe('accepted');
    expect(refusal('http://localhost:8080/hook', LOCAL)).toBe('accepted');
    expect(refusal('http://[::1]:8080/hook', LOCAL)).toBe('accepted');
    expect(refusal('http://example.com/hook', LOCAL)).toMatch(/https/);
    expect(refusal('http://10.0.0.1/hook', LOCAL)).toMatch(/https/);
    expect(refusal('https://192.168.1.1/hook', LOCAL)).toMatch(/non-public/);
    expect(refusal('https://169.254.169.254/', LOCAL)).toMatch(/non-public/);
  });
});

describe('resolveWebhookTarget (after DNS)', () => {
  const dns = fakeDns({
    'hooks.example.com': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
    'v6first.example.com': ['2606:2800:220:1:248:1893:25c8:1946', '93.184.216.34'],
    'v6only.example.com': ['2606:2800:220:1:248:1893:25c8:1946'],
    'metadata.attacker.example': ['169.254.169.254'],
    'loopback.attacker.example': ['127.0.0.1'],
    'mixed.attacker.example': ['93.184.216.34', '10.0.0.5'],
    'mapped.attacker.example': ['::ffff:127.0.0.1'],
    'ula.attacker.example': ['fd00::5'],
    localhost: ['127.0.0.1', '::1'],
    'empty.example.com': [],
  });
  const target = (raw: string, policy = STRICT) => resolveWebhookTarget(parseWebhookUrl(raw, policy), policy, dns);

  it('returns the first address of a public name, every answer checked', async () => {
    await expect(target('https://hooks.example.com/x')).resolves.toEqual({ address: '93.184.216.34', family: 4 });
  });

  it('pins an IPv4 address when the name has one, else the IPv6 one', async () => {
    await expect(target('https://v6first.example.com/x')).resolves.toEqual({ address: '93.184.216.34', family: 4 });
    await expect(target('https://v6only.example.com/x')).resolves.toEqual({ address: '2606:2800:220:1:248:1893:25c8:1946', family: 6 });
  });

  it('refuses a name resolving to the metadata service or loopback', async () => {
    await expect(target('https://metadata.attacker.example/')).rejects.toThrow(/non-public address \(linkLocal\)/);
    await expect(target('https://loopback.attacker.example/')).rejects.toThrow(/non-public address \(loopback\)/);
    await expect(target('https://mapped.attacker.example/')).rejects.toThrow(/loopback/);
    await expect(target('https://ula.attacker.example/')).rejects.toThrow(/uniqueLocal/);
  });

  it('refuses a name with one private answer among public ones', async () => {
    await expect(target('https://mixed.attacker.example/')).rejects.toThrow(/private/);
  });

  it('refuses names that do not resolve', async () => {
    await expect(target('https://nxdomain.example.com/')).rejects.toThrow(/does not resolve/);
    await expect(target('https://empty.example.com/')).rejects.toThrow(/does not resolve/);
  });

  it('refuses localhost unless loopback is allowed', async () => {
    await expect(target('https://localhost/')).rejects.toThrow(/loopback/);
    await expect(target('http://localhost:9/', LOCAL)).resolves.toEqual({ address: '127.0.0.1', family: 4 });
  });

  it('even with loopback allowed, a name resolving to a private or metadata address is refused', async () => {
    await expect(target('https://metadata.attacker.example/', LOCAL)).rejects.toThrow(/linkLocal/);
    await expect(target('https://mixed.attacker.example/', LOCAL)).rejects.toThrow(/private/);
  });

  it('checks IP literals without asking DNS', async () => {
    const never: Resolver = async () => {
      throw new Error('DNS must not be asked');
    };
    await expect(checkWebhookUrl('https://[2606:4700:4700::1111]/x', STRICT, never)).resolves.toMatchObject({ target: { address: '2606:4700:4700::1111', family: 6 } });
    await expect(checkWebhookUrl('https://169.254.169.254/x', STRICT, never)).rejects.toThrow(WebhookUrlError);
  });
});

describe('webhook URL boundaries', () => {
  const refusal = (raw: string, policy = STRICT) => {
    try {
      parseWebhookUrl(raw, policy);
    } catch (err) {
      expect(err).toBeInstanceOf(WebhookUrlError);
      return (err as Error).message;
    }
    return 'accepted';
  };

  it('refuses a user name without a password and a password without a user name', () => {
    expect(refusal('https://user@example.com/')).toBe('must not contain credentials');
    expect(refusal('https://:pw@example.com/')).toBe('must not contain credentials');
    expect(refusal('https://user:pw@example.com/')).toBe('must not contain credentials');
  });

  it('accepts exactly 2,048 characters and refuses one more', () => {
    const base = 'https://example.com/';
    expect(refusal(base + 'a'.repeat(2048 - base.length))).toBe('accepted');
    expect(refusal(base + 'a'.repeat(2049 - base.length))).toBe('must be at most 2048 characters');
  });

  it('says what is wrong in words the API caller sees', () => {
    expect(refusal('not a url')).toBe('must be an absolute URL');
    expect(refusal('ftp://example.com/')).toBe('must use https');
    expect(refusal('http://example.com/')).toBe('must use https');
    expect(refusal('https://10.0.0.1/')).toBe('points to a non-public address (private)');
    expect(refusal('https://[fe80::1]/')).toBe('points to a non-public address (linkLocal)');
  });

  it('with loopback allowed, takes http to every spelling of a loopback host', () => {
    for (const raw of ['http://localhost./', 'http://LocalHost:1/', 'http://127.0.0.2/', 'http://[::ffff:127.0.0.1]/', 'http://[::1]/']) {
      expect(refusal(raw, LOCAL), raw).toBe('accepted');
    }
    expect(refusal('http://localhost.example.com/', LOCAL)).toBe('must use https');
  });
});

describe('resolveWebhookTarget: plain http and literals', () => {
  const dns = fakeDns({
    localhost: ['127.0.0.1', '::1'],
    'localhost.': ['93.184.216.34'],
  });
  const sometimesPublic = fakeDns({ localhost: ['127.0.0.1', '93.184.216.34'] });

  it('refuses plain http to a loopback name that resolves to anything but loopback', async () => {
    await expect(resolveWebhookTarget(parseWebhookUrl('http://localhost./', LOCAL), LOCAL, dns)).rejects.toThrow('must use https');
    await expect(resolveWebhookTarget(parseWebhookUrl('http://localhost/', LOCAL), LOCAL, sometimesPublic)).rejects.toThrow('must use https');
    await expect(resolveWebhookTarget(parseWebhookUrl('https://localhost/', LOCAL), LOCAL, dns)).resolves.toEqual({ address: '127.0.0.1', family: 4 });
  });

  it('returns an IP literal as the target, with its family, and names its range when refused', async () => {
    await expect(resolveWebhookTarget(new URL('https://8.8.8.8/'), STRICT, dns)).resolves.toEqual({ address: '8.8.8.8', family: 4 });
    await expect(resolveWebhookTarget(new URL('https://[2606:4700:4700::1111]/'), STRICT, dns)).resolves.toEqual({ address: '2606:4700:4700::1111', family: 6 });
    await expect(resolveWebhookTarget(new URL('https://10.1.2.3/'), STRICT, dns)).rejects.toThrow('points to a non-public address (private)');
  });

  it('names the host and the range of the address it resolved to', async () => {
    await expect(resolveWebhookTarget(new URL('https://localhost/'), STRICT, dns)).rejects.toThrow('host localhost resolves to a non-public address (loopback)');
    await expect(resolveWebhookTarget(new URL('https://nowhere.example/'), STRICT, dns)).rejects.toThrow('host nowhere.example does not resolve');
  });

  it('reads an address range only from a valid address', () => {
    expect(addressRange('not-an-ip')).toBe('invalid');
    expect(addressRange('::ffff:10.0.0.1')).toBe('private');
    expect(isAllowedAddress('127.0.0.1', STRICT)).toBe(false);
    expect(isAllowedAddress('127.0.0.1', LOCAL)).toBe(true);
    expect(isAllowedAddress('10.0.0.1', LOCAL)).toBe(false);
  });
});
