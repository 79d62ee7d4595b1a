function (newDoc, oldDoc, userCtx, secObj) {
  // courtdesk_notices: notices by leaders and admins (changed by their author or an admin); one read
  // receipt per notice and reader, written once by the reader and never changed (no conflicts);
  // the staff directory (display names from _users) published by the server worker.
  var RULES = {
    'notice': { label: ['通知通报', 'notices'], create: ['leader', 'admin'], update: ['author', 'admin'], remove: ['author', 'admin'],
      messages: { create: '只有院庭长和系统管理员可以发布通知 (only leaders and admins may publish notices)' } },
    'receipt': { label: ['阅读回执', 'read receipts'], create: ['judge', 'assistant', 'clerk', 'enforcement', 'leader', 'admin'], update: [], remove: [],
      idEndsWithAuthor: true, idParent: { field: 'noticeId', prefix: 'notice:', zh: '通知' },
      messages: { update: '阅读回执一经写入不能修改 (a read receipt is never changed)',
        remove: '阅读回执不能删除 (a read receipt cannot be deleted)' } },
    'directory': { label: ['人员名录', 'the staff directory'], create: ['worker'], update: ['worker'], remove: ['worker'],
      messages: { create: '人员名录只能由服务端程序发布 (the staff directory is published only by the server worker)',
        update: '人员名录只能由服务端程序发布 (the staff directory is published only by the server worker)',
        remove: '人员名录只能由服务端程序发布 (the staff directory is published only by the server worker)' } }
  };
  // @include _generated/coreSchemas.js
  // @include _lib/validate.js
  courtdeskValidate(RULES, newDoc, oldDoc, userCtx, secObj);
}
