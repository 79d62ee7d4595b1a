function (newDoc, oldDoc, userCtx, secObj) {
  // courtdesk_enforcement (docs/enforcement.md): asset inquiries and controls, measures, payments,
  // closings and the dishonest-debtor list, written by enforcement officers. A leader's decision
  // (`approval` on a measure, a closing or a listing) is written only by a leader, only as the
  // signed-in leader, once, and never by the officer who proposed it (four eyes); nothing is ever
  // deleted (a listing is removed by an update with a reason, and listed again as its next round).
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
  var ctx = userCtx || {};
  var roles = ctx.roles || [];
  var live = !!oldDoc && oldDoc._deleted !== true;
  // A re-listing (docs/enforcement.md "Re-listing") starts the entry's next round: the closed round
  // with its approval moves into earlierRounds and the new round starts without one. The shared
  // engine sees that as the officer's content change (the old approval is not the officer's to
  // touch), so it is given the stored entry without its approval; every other rule of a round change
  // is checked below against the stored entry itself.
  var newRound = live && newDoc._deleted !== true && newDoc.type === 'dishonestDebtor' &&
    oldDoc.type === 'dishonestDebtor' && (newDoc.round || 1) !== (oldDoc.round || 1);
  var engineOld = oldDoc;
  if (newRound) {
    engineOld = {};
    for (var ek in oldDoc) { if (oldDoc.hasOwnProperty(ek) && ek !== 'approval') { engineOld[ek] = oldDoc[ek]; } }
  }
  courtdeskValidate(RULES, newDoc, engineOld, userCtx, secObj);

  if (newDoc._deleted === true || roles.indexOf('_admin') >= 0) { return; }
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
  if (newDoc.type === 'assetInquiry') { checkReleases(); return; }
  if (!AFTER_APPROVAL.hasOwnProperty(newDoc.type)) { return; }

  // Who proposed the terms: whoever last set them (proposedBy), else the creator. Four eyes: the
  // leader deciding is never the proposer; whoever changes pending terms becomes the proposer.
  var proposer = newDoc.proposedBy !== undefined ? newDoc.proposedBy : newDoc.createdBy;
  if (newDoc.proposedBy !== undefined && !live && newDoc.proposedBy !== ctx.name) {
    forbid('提出人必须是当前登录用户 (proposedBy must be the signed-in user)');
  }
  if (newRound) { checkNewRound(); return; }
  if (newDoc.type === 'dishonestDebtor' && !live && ((newDoc.round || 1) !== 1 || newDoc.earlierRounds !== undefined)) {
    forbid('新纳入的名单从第一轮开始，不能自带此前记录 (a new entry starts at round 1 without earlier rounds)');
  }
  if (newDoc.type === 'dishonestDebtor' && live && !same(oldDoc.earlierRounds, newDoc.earlierRounds)) {
    forbid('此前的纳入记录不得修改 (earlier listing rounds cannot change)');
  }
  var before = live ? oldDoc.approval : undefined;
  if (!same(before, newDoc.approval)) {
    if (before !== undefined) { forbid('审批一经作出不得更改 (an approval, once given, cannot be changed)'); }
    if (!live) { forbid('新建记录不能带审批，须由院庭长另行审批 (a new record cannot carry an approval; a leader approves it)'); }
    if (newDoc.approval.by !== ctx.name) { forbid('审批人必须是当前登录的院庭长 (approval.by must be the signed-in leader)'); }
    if (newDoc.approval.by === proposer) {
      forbid('审批人不得是提出人本人 (the leader deciding cannot be the officer who proposed it)');
    }
  }
  var open = AFTER_APPROVAL[newDoc.type];
  var keys = {};
  var key;
  if (live) {
    for (key in oldDoc) { if (oldDoc.hasOwnProperty(key)) { keys[key] = true; } }
    for (key in newDoc) { if (newDoc.hasOwnProperty(key)) { keys[key] = true; } }
  }
  for (key in keys) {
    if (!keys.hasOwnProperty(key) || key.charAt(0) === '_' || key === 'approval' || same(oldDoc[key], newDoc[key])) { continue; }
    if (before !== undefined && before.decision === 'approved' && open.indexOf(key) < 0) {
      forbid('已批准的内容不得修改 (' + key + ' was approved and cannot change)');
    }
    // A note is a remark on the record, not part of the terms a leader decides on.
    if (before === undefined && open.indexOf(key) < 0 && key !== 'note' && proposer !== ctx.name) {
      forbid('修改待审批内容的人须登记为提出人 (whoever changes pending terms must set proposedBy to themselves)');
    }
  }
  if (newDoc.type === 'dishonestDebtor' && !same(live ? oldDoc.removal : undefined, newDoc.removal)) {
    if (live && oldDoc.removal !== undefined) { forbid('删除记录一经登记不得更改 (a removal, once recorded, cannot be changed)'); }
    if (newDoc.removal.by !== ctx.name) { forbid('删除人必须是当前登录用户 (removal.by must be the signed-in user)'); }
  }

  // A new round of a listing: one more than the stored round, the stored round appended unchanged
  // to earlierRounds (the core schema checks it was rejected or removed), no approval yet, proposed
  // by the signed-in officer.
  function checkNewRound() {
    var oldRound = oldDoc.round || 1;
    if (newDoc.round !== oldRound + 1) {
      forbid('再次纳入须为下一轮次 (a new listing must be round ' + (oldRound + 1) + ')');
    }
    if (!courtdeskCore.courtdeskRoundClosed(oldDoc)) {
      forbid('已因同一情形纳入名单，删除后才能再次纳入 (already listed on this ground; it must be removed before a new listing)');
    }
    var closed = courtdeskCore.courtdeskClosedRound(oldDoc);
    var expected = (oldDoc.earlierRounds || []).concat([closed]);
    if (!same(expected, newDoc.earlierRounds)) {
      forbid('此前的纳入记录必须原样保留 (earlierRounds must be the stored rounds followed by the closed one, unchanged)');
    }
    if (newDoc.approval !== undefined) {
      forbid('新建记录不能带审批，须由院庭长另行审批 (a new record cannot carry an approval; a leader approves it)');
    }
    if (newDoc.proposedBy !== ctx.name) { forbid('提出人必须是当前登录用户 (proposedBy must be the signed-in user)'); }
  }

  // Releases of freezes and seizures (解除): recorded by the signed-in officer, never undone.
  // Controls are only added; a released control, release included, never changes again.
  function checkReleases() {
    var now = newDoc.controls || [];
    var was = live ? (oldDoc.controls || []) : [];
    if (now.length < was.length) { forbid('已登记的控制措施不得删除 (recorded controls cannot be removed)'); }
    for (var i = 0; i < now.length; i++) {
      var prev = was[i];
      var prevReleased = !!prev && (prev.release !== undefined || prev.releasedOn !== undefined);
      if (prevReleased) {
        if (!same(prev, now[i])) { forbid('已解除的控制措施不得更改 (a released control cannot change or be un-released)'); }
        continue;
      }
      if (now[i] && now[i].release !== undefined && now[i].release.by !== ctx.name) {
        forbid('解除人必须是当前登录用户 (release.by must be the signed-in user)');
      }
    }
  }
}
