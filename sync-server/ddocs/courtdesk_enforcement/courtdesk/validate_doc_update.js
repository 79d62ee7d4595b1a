function (newDoc, oldDoc, userCtx, secObj) {
  // courtdesk_enforcement (docs/enforcement.md): asset inquiries and controls, measures, payments,
  // closings and the dishonest-debtor list, written by enforcement officers. A leader's decision
  // (`approval` on a measure, a closing or a listing) is written only by a leader, only as the
  // signed-in leader, once; nothing is ever deleted (a listing is removed by an update with a reason).
  var APPROVAL = { fields: ['approval'], roles: ['leader'],
    message: '只有院庭长可以审批 (only court leaders may approve)' };
  var RULES = {
    'enforcementAction': { label: ['执行措施', 'enforcement measures'], create: ['enforcement'], update: ['enforcement'], remove: [],
      moderation: APPROVAL },
    'assetInquiry': { label: ['财产查控记录', 'asset inquiries'], create: ['enforcement'], update: ['enforcement'], remove: [] },
    'enforcementPayment': { label: ['执行款记录', 'enforcement payments'], create: ['enforcement'], update: [], remove: [],
      messages: { update: '执行款记录一经登记不得修改，请登记更正记录 (payments cannot be changed; record a correcting entry)',
        remove: '执行款记录不得删除 (payments cannot be deleted)' } },
    'enforcementClosing': { label: ['结案记录', 'closing records'], create: ['enforcement'], update: ['enforcement'], remove: [],
      moderation: APPROVAL },
    'dishonestDebtor': { label: ['失信被执行人名单', 'dishonest-debtor entries'], create: ['enforcement'], update: ['enforcement'], remove: [],
      moderation: APPROVAL,
      messages: { remove: '失信名单不得删除，请登记删除理由 (entries are never deleted; record the removal with its reason)' } }
  };
  // What may still change once a leader has approved a record: everything else is what was approved.
  var AFTER_APPROVAL = {
    'enforcementAction': ['note', 'executedOn', 'liftedOn'],
    'enforcementClosing': [],
    'dishonestDebtor': ['publishedOn', 'removal', 'note']
  };
  // @include _generated/coreSchemas.js
  // @include _lib/validate.js
  courtdeskValidate(RULES, newDoc, oldDoc, userCtx, secObj);

  var ctx = userCtx || {};
  var roles = ctx.roles || [];
  if (newDoc._deleted === true || roles.indexOf('_admin') >= 0 || !AFTER_APPROVAL.hasOwnProperty(newDoc.type)) { return; }
  function forbid(msg) { throw ({ forbidden: msg }); }
  function same(a, b) { return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b)); }
  function canonical(v) {
    if (!v || typeof v !== 'object') { return v; }
    if (Object.prototype.toString.call(v) === '[object Array]') {
      var arr = [];
      for (var i = 0; i < v.length; i++) { arr.push(canonical(v[i])); }
      return arr;
    }
    var keys = [];
    for (var k in v) { if (v.hasOwnProperty(k)) { keys.push(k); } }
    keys.sort();
    var out = {};
    for (var j = 0; j < keys.length; j++) { out[keys[j]] = canonical(v[keys[j]]); }
    return out;
  }
  var live = oldDoc && oldDoc._deleted !== true;
  var before = live ? oldDoc.approval : undefined;
  if (!same(before, newDoc.approval)) {
    if (before !== undefined) { forbid('审批一经作出不得更改 (an approval, once given, cannot be changed)'); }
    if (!live) { forbid('新建记录不能带审批，须由院庭长另行审批 (a new record cannot carry an approval; a leader approves it)'); }
    if (newDoc.approval.by !== ctx.name) { forbid('审批人必须是当前登录的院庭长 (approval.by must be the signed-in leader)'); }
  }
  if (before !== undefined && before.decision === 'approved') {
    var open = AFTER_APPROVAL[newDoc.type];
    var keys = {};
    var key;
    for (key in oldDoc) { if (oldDoc.hasOwnProperty(key)) { keys[key] = true; } }
    for (key in newDoc) { if (newDoc.hasOwnProperty(key)) { keys[key] = true; } }
    for (key in keys) {
      if (!keys.hasOwnProperty(key) || key.charAt(0) === '_' || key === 'approval' || open.indexOf(key) >= 0) { continue; }
      if (!same(oldDoc[key], newDoc[key])) {
        forbid('已批准的内容不得修改 (' + key + ' was approved and cannot change)');
      }
    }
  }
  if (newDoc.type === 'dishonestDebtor' && !same(live ? oldDoc.removal : undefined, newDoc.removal)) {
    if (live && oldDoc.removal !== undefined) { forbid('删除记录一经登记不得更改 (a removal, once recorded, cannot be changed)'); }
    if (newDoc.removal.by !== ctx.name) { forbid('删除人必须是当前登录用户 (removal.by must be the signed-in user)'); }
  }
}
