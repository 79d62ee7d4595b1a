function (newDoc, oldDoc, userCtx, secObj) {
  // courtdesk_notices: notices by IT admins; one read receipt per notice and reader, owned by the reader.
  var RULES = {
    'notice': { label: ['通知通报', 'notices'], create: ['admin'], update: ['admin'], remove: ['admin'],
      messages: { create: '只有系统管理员可以发布通知 (only admins may publish notices)' } },
    'receipt': { label: ['阅读回执', 'read receipts'], create: ['judge', 'assistant', 'clerk', 'enforcement', 'leader', 'admin'], update: ['author'], remove: [],
      idEndsWithAuthor: true }
  };
  // @include _lib/validate.js
  courtdeskValidate(RULES, newDoc, oldDoc, userCtx, secObj);
}
