import { describe, expect, it } from 'vitest';
import { main, USAGE } from './cli';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('courtdesk-server CLI (argument handling; commands against servers are in tests/integration)', () => {
  it('prints usage for --help and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(USAGE);
    for (const cmd of ['start', 'provision', 'user add', 'user disable', 'user passwd', 'demo', 'serve-app'])
      expect(USAGE).toContain(cmd);
  });

  it('exits 2 with usage when no command is given', async () => {
    expect((await run([])).code).toBe(2);
  });

  it.each([
    [['frobnicate'], /unknown command: frobnicate/],
    [['provision', 'extra', '--couch', 'http://a:b@127.0.0.1:1'], /unexpected arguments: extra/],
    [['start', 'now'], /unexpected arguments: now/],
    [['start', '--app-port', 'x'], /--app-port must be a non-negative integer/],
    [['provision', '--bogus'], /Unknown option '--bogus'/],
    [['provision', '--couch', 'not a url'], /not a URL/],
    [['user', 'add', 'clerk.x', '--couch', 'http://a:b@127.0.0.1:1'], /missing --role/],
    [
      ['user', 'add', '--role', 'clerk', '--password', 'xxxxxxxx', '--couch', 'http://a:b@127.0.0.1:1'],
      /missing user name/,
    ],
    [['user', 'frob', '--couch', 'http://a:b@127.0.0.1:1'], /unknown user command/],
    [
      [
        'user',
        'add',
        'clerk.x',
        '--role',
        'president',
        '--password',
        'xxxxxxxx',
        '--couch',
        'http://a:b@127.0.0.1:1',
      ],
      /unknown role/,
    ],
    [
      ['demo', '--cases', 'many', '--couch', 'http://a:b@127.0.0.1:1'],
      /--cases must be a non-negative integer/,
    ],
  ])('rejects %j clearly', async (argv, msg) => {
    const prev = process.env['COUCH_URL'];
    delete process.env['COUCH_URL'];
    try {
      const r = await run(argv);
      expect(r.code).toBeGreaterThan(0);
      expect(r.err).toMatch(msg);
    } finally {
      if (prev !== undefined) process.env['COUCH_URL'] = prev;
    }
  });

  it('requires a CouchDB URL', async () => {
    const prev = process.env['COUCH_URL'];
    delete process.env['COUCH_URL'];
    try {
      const r = await run(['provision']);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/missing --couch URL/);
    } finally {
      if (prev !== undefined) process.env['COUCH_URL'] = prev;
    }
  });

  it('reports an unreachable server with exit code 1 and no credentials', async () => {
    const r = await run(['provision', '--couch', 'http://admin:hunter2@127.0.0.1:1']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cannot reach CouchDB/);
    expect(r.out + r.err).not.toContain('hunter2');
  });
});
