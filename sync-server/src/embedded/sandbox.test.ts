import { describe, expect, it } from 'vitest';
import { VduSandbox } from './sandbox';

function run(src: string, extra: Record<string, unknown> = {}, doc: Record<string, unknown> = { _id: 'a' }) {
  return new VduSandbox({ _id: '_design/t', validate_doc_update: src, ...extra }, 200).validate(
    doc,
    null,
    { name: 'u', roles: [], db: 'd' },
    { members: { roles: ['clerk'] } },
  );
}

describe('VduSandbox', () => {
  it('maps forbidden/unauthorized throws to 403/401 with the reason', () => {
    expect(run('function(){ throw({forbidden: "no"}) }')).toEqual({
      ok: false,
      status: 403,
      error: 'forbidden',
      reason: 'no',
    });
    expect(run('function(){ throw({unauthorized: "who"}) }')).toEqual({
      ok: false,
      status: 401,
      error: 'unauthorized',
      reason: 'who',
    });
    expect(run('function(){}')).toEqual({ ok: true });
  });
  it('passes CouchDB arguments and `this` = the design document', () => {
    expect(
      run(
        'function(n, o, u, s){ if (o !== null || u.db !== "d" || s.members.roles[0] !== "clerk" || this._id !== "_design/t") throw({forbidden: "args"}) }',
      ),
    ).toEqual({ ok: true });
  });
  it('cannot reach Node through globals or through the arguments', () => {
    const probe = `function(n){ throw({forbidden: [typeof process, typeof require, typeof Buffer, typeof setTimeout,
      n.constructor.constructor('return typeof process')(), typeof n.constructor.constructor('return this')().process].join(',')}) }`;
    // `require` exists: CouchDB's CommonJS require over the design document, not Node's.
    expect(run(probe)).toMatchObject({
      reason: 'undefined,function,undefined,undefined,undefined,undefined',
    });
  });
  it('CommonJS require resolves modules inside the design document only', () => {
    const lib = {
      lib: { rules: 'exports.check = function (d) { if (!d.ok) throw({forbidden: "lib says no"}) }' },
    };
    expect(run('function(n){ require("lib/rules").check(n) }', lib)).toMatchObject({
      status: 403,
      reason: 'lib says no',
    });
    expect(run('function(n){ require("fs") }')).toMatchObject({ status: 500 });
  });
  it('endless loops, getters and microtasks are cut by the timeout', () => {
    expect(run('function(){ while(true){} }')).toMatchObject({ ok: false, status: 500 });
    expect(run('function(){ throw { get forbidden() { while(true){} } } }')).toMatchObject({
      ok: false,
      status: 500,
    });
    expect(run('function(){ Promise.resolve().then(function(){ while(true){} }) }')).toMatchObject({
      ok: false,
      status: 500,
    });
  });
  it('a syntax error is a compilation_error, not a crash', () => {
    expect(run('function( {')).toMatchObject({ ok: false, status: 500, error: 'compilation_error' });
  });
});
