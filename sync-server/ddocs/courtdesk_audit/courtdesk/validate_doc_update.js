function (newDoc, oldDoc, userCtx, secObj) {
  // courtdesk_audit: audit records (draws, case numbers, file reading), written only by the worker
  // and never changed.
  var W = '审计记录只能由服务端程序写入 (audit records are written only by the server worker)';
  var RULES = {
    'audit': { label: ['审计记录', 'audit records'], create: ['worker'], update: [], remove: [],
      messages: { create: W, update: '审计记录不得修改 (audit records cannot be changed)', remove: '审计记录不得删除 (audit records cannot be deleted)' } }
  };
  // @include _lib/validate.js
  courtdeskValidate(RULES, newDoc, oldDoc, userCtx, secObj);
}
