function (newDoc, oldDoc, userCtx, secObj) {
  // courtdesk_cases: cases (filed by clerks), append-only process events, leader approvals, and
  // the worker's own facts (official case numbers, assignments). docs/product-rules.md §3.2, §3.3.
  var RULES = {
    'case': { label: ['案件', 'cases'], create: ['clerk'], update: ['clerk'], remove: [],
      messages: { create: '只有书记员可以立案 (only clerks may file cases)',
        update: '只有书记员可以修改立案信息 (only clerks may change filing data)',
        remove: '案件不得删除 (cases cannot be deleted)' } },
    'event': { label: ['流程节点', 'process events'], create: ['clerk', 'judge', 'assistant', 'enforcement'], update: [], remove: [],
      idParent: { field: 'caseId', prefix: 'case:', zh: '案件' },
      messages: { update: '流程节点一经记录不得修改 (process events cannot be changed once recorded)',
        remove: '流程节点一经记录不得删除 (process events cannot be deleted once recorded)' } },
    'approval': { label: ['审批', 'approvals'], create: ['leader'], update: ['leader'], remove: [],
      messages: { create: '只有院庭长可以审批 (only court leaders may approve)',
        update: '只有院庭长可以修改审批 (only court leaders may change approvals)' } },
    'caseNumber': { label: ['正式案号', 'official case numbers'], create: ['worker'], update: ['worker'], remove: ['worker'],
      messages: { create: '正式案号只能由服务端程序分配 (official case numbers are assigned only by the server worker)',
        update: '正式案号只能由服务端程序分配 (official case numbers are assigned only by the server worker)' } },
    'assignment': { label: ['分案记录', 'assignments'], create: ['worker'], update: ['worker'], remove: ['worker'],
      messages: { create: '分案只能由服务端程序完成 (assignments are made only by the server worker)',
        update: '分案只能由服务端程序完成 (assignments are made only by the server worker)' } },
    // File reading (docs/file-reading.md): the clerk admits a reader for one visit and closes it;
    // the worker keeps the visit's log. Neither is ever deleted (the access record of a case file).
    'readingVisit': { label: ['阅卷登记', 'reading visits'], create: ['clerk'], update: ['clerk'], remove: [],
      messages: { create: '只有书记员可以登记阅卷 (only clerks may admit a reader)',
        update: '只有书记员可以结束阅卷 (only clerks may close a reading visit)',
        remove: '阅卷登记不得删除 (reading visits cannot be deleted)' } },
    'readingLog': { label: ['阅卷记录', 'reading logs'], create: ['worker'], update: ['worker'], remove: [],
      messages: { create: '阅卷记录只能由服务端程序写入 (reading logs are written only by the server worker)',
        update: '阅卷记录只能由服务端程序写入 (reading logs are written only by the server worker)',
        remove: '阅卷记录不得删除 (reading logs cannot be deleted)' } }
  };
  // @include _generated/coreSchemas.js
  // @include _lib/validate.js
  courtdeskValidate(RULES, newDoc, oldDoc, userCtx, secObj);
  // A reading visit is only ever closed: the case, the reader and the terms never change, and a
  // closed visit stays closed (the worker opened the visit's database for exactly those terms).
  if (newDoc.type === 'readingVisit' && newDoc._deleted !== true && oldDoc && oldDoc._deleted !== true) {
    var ctxRoles = (userCtx && userCtx.roles) || [];
    if (ctxRoles.indexOf('_admin') < 0) {
      var TERMS = ['caseId', 'caseNumber', 'readerName', 'readerIdNumber', 'capacity', 'partyName',
        'allowPrint', 'readerAccount', 'expiresAt'];
      for (var ti = 0; ti < TERMS.length; ti++) {
        if (JSON.stringify(newDoc[TERMS[ti]]) !== JSON.stringify(oldDoc[TERMS[ti]])) {
          throw ({ forbidden: '阅卷登记只能结束，不能修改 (a reading visit can only be closed, not changed): ' + TERMS[ti] });
        }
      }
      if (oldDoc.closedAt && newDoc.closedAt !== oldDoc.closedAt) {
        throw ({ forbidden: '已结束的阅卷不能重新打开 (a closed reading visit cannot be reopened)' });
      }
      if (typeof newDoc.closedAt === 'string' && newDoc.closedBy !== userCtx.name && !oldDoc.closedAt) {
        throw ({ forbidden: 'closedBy 必须是当前用户 (closedBy must be the signed-in user)' });
      }
    }
  }
}
