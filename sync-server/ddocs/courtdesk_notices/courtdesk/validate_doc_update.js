function (newDoc, oldDoc, userCtx, secObj) {
  // courtdesk_notices: notices by IT admins; one read receipt per notice and reader, owned by the reader;
  // the staff directory (display names from _users) published by the server worker.
  var RULES = {
    'notice': { label: ['通知通报', 'notices'], create: ['admin'], update: ['admin'], remove: ['admin'],
      messages: { create: '只有系统管理员可以发布通知 (only admins may publish notices)' } },
    'receipt': { label: ['阅读回执', 'read receipts'], create: ['judge', 'assistant', 'clerk', 'enforcement', 'leader', 'admin'], update: ['author'], remove: [],
      idEndsWithAuthor: true },
    'directory': { label: ['人员名录', 'the staff directory'], create: ['worker'], update: ['worker'], remove: ['worker'],
      messages: { create: '人员名录只能由服务端程序发布 (the staff directory is published only by the server worker)',
        update: '人员名录只能由服务端程序发布 (the staff directory is published only by the server worker)',
        remove: '人员名录只能由服务端程序发布 (the staff directory is published only by the server worker)' } }
  };
  // @include _generated/coreSchemas.js
  // @include _lib/validate.js
  courtdeskValidate(RULES, newDoc, oldDoc, userCtx, secObj);
}
