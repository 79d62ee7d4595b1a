import { describe, expect, it } from 'vitest';
import { ctx, docOf, marked, outcome, vduOf } from '../../../tests/support/vdu';
import { boardStateOf, boardStateValidator } from './boardState';
import type { CouchDoc } from './couchHttp';

const clerk = ctx('clerk.wang', ['clerk']);
const admin = ctx('it.sun', ['admin']);
const server = ctx('admin', ['_admin']);

describe('board state', () => {
  it('lists closed boards and boards holding live posts', () => {
    const boards = [
      { _id: 'board:a', archived: true },
      { _id: 'board:b' },
      { _id: 'board:c', archived: true, _deleted: true },
    ] as CouchDoc[];
    const posts = [
      { _id: 'post:1', board: 'board:b', locked: true },
      { _id: 'post:2', board: 'board:a', _deleted: true, locked: true },
      { _id: 'post:3', board: 'board:b', threadId: 'post:1' },
      { _id: 'post:4', board: 'board:b', locked: false },
    ] as CouchDoc[];
    expect(boardStateOf(boards, posts)).toEqual({
      closed: ['board:a'],
      used: ['board:b'],
      locked: ['post:1'],
    });
  });

  it('its validator refuses new posts into a closed board and deleting a board in use', () => {
    const vdu = vduOf(
      boardStateValidator({ closed: ['board:shut'], used: ['board:shut', 'board:busy'], locked: [] }),
    );
    const post = (board: string) => docOf('post', 'clerk.wang', { board });
    expect(outcome(vdu, post('board:shut'), null, clerk)).toBe('forbidden');
    expect(outcome(vdu, post('board:open'), null, clerk)).toBe('ok');
    const old = { ...post('board:shut'), _rev: '1-a' };
    expect(outcome(vdu, { ...old, body: '更正' }, old, clerk)).toBe('ok'); // an existing thread is edited
    const busy = { ...docOf('board', 'it.sun', { _id: 'board:busy', archived: true }), _rev: '2-a' };
    const gone = { _id: 'board:busy', _rev: busy._rev, _deleted: true };
    expect(outcome(vdu, gone, busy, admin)).toBe('forbidden');
    expect(outcome(vdu, marked('board:busy', '2-a'), busy, admin)).toBe('ok'); // a conflict branch resolved
    expect(outcome(vdu, gone, { ...busy, _id: 'board:idle' }, admin)).toBe('ok');
    expect(outcome(vdu, post('board:shut'), null, server)).toBe('ok');
  });

  it('puts only board ids into the function', () => {
    const src = boardStateValidator({
      closed: ['board:ok', 'x"});evil();//'],
      used: [],
      locked: ['post:ok-1', 'post:x"});evil2();//'],
    });
    expect(src).toContain('"post:ok-1":true');
    expect(src).not.toContain('evil2');
    expect(src).toContain('"board:ok":true');
    expect(src).not.toContain('evil');
  });

  it('its validator refuses a new reply to a locked thread, and nothing else about the thread', () => {
    const vdu = vduOf(boardStateValidator({ closed: [], used: ['board:b'], locked: ['post:t1'] }));
    const reply = (threadId: string) => docOf('post', 'clerk.wang', { board: 'board:b', threadId });
    expect(outcome(vdu, reply('post:t1'), null, clerk)).toBe('forbidden');
    expect(outcome(vdu, reply('post:t1'), null, admin)).toBe('forbidden');
    expect(outcome(vdu, reply('post:t2'), null, clerk)).toBe('ok');
    const old = { ...reply('post:t1'), _rev: '1-a' };
    expect(outcome(vdu, { ...old, body: '更正' }, old, clerk)).toBe('ok'); // an earlier reply is edited
    expect(outcome(vdu, reply('post:t1'), null, server)).toBe('ok');
  });
});
