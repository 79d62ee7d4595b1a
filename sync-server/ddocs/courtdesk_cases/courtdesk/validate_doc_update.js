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
        update: '分案只能由服务端程序完成 (assignments are made only by the server worker)' } }
  };
  // @include _generated/coreSchemas.js
  // @include _lib/validate.js
  courtdeskValidate(RULES, newDoc, oldDoc, userCtx, secObj);
}
