function (newDoc, oldDoc, userCtx, secObj) {
  // courtdesk_notices: notices by leaders and admins (changed by their author or an admin); one read
  // receipt per notice and reader, written once by the reader and never changed (no conflicts);
  // a notice's files (`file:` documents, the file lane) by leaders and admins; the staff directory
  // (display names from _users) published by the server worker.
  var RULES = {
    'notice': { label: ['通知通报', 'notices'], create: ['leader', 'admin'], update: ['author', 'admin'], remove: ['author', 'admin'],
      messages: { create: '只有院庭长和系统管理员可以发布通知 (only leaders and admins may publish notices)' } },
    'receipt': { label: ['阅读回执', 'read receipts'], create: ['judge', 'assistant', 'clerk', 'enforcement', 'leader', 'admin'], update: [], remove: [],
      idEndsWithAuthor: true, idParent: { field: 'noticeId', prefix: 'notice:', zh: '通知' },
      messages: { update: '阅读回执一经写入不能修改 (a read receipt is never changed)',
        remove: '阅读回执不能删除 (a read receipt cannot be deleted)' } },
    'file': { label: ['附件文件', 'files'], create: ['leader', 'admin'], update: [], remove: ['author', 'admin'],
      fields: { ownerId: 'string', name: 'string', contentType: 'string', size: 'count', digest: 'string' }, oneAttachment: true,
      messages: { create: '只有院庭长和系统管理员可以为通知上传附件 (only leaders and admins may attach files to notices)',
        update: '附件文件不得修改，请上传新文件 (files cannot be changed; upload a new file)',
        remove: '只有上传者本人或系统管理员可以删除附件文件 (only the uploader or an admin may delete a file)' } },
    'directory': { label: ['人员名录', 'the staff directory'], create: ['worker'], update: ['worker'], remove: ['worker'],
      messages: { create: '人员名录只能由服务端程序发布 (the staff directory is published only by the server worker)',
        update: '人员名录只能由服务端程序发布 (the staff directory is published only by the server worker)',
        remove: '人员名录只能由服务端程序发布 (the staff directory is published only by the server worker)' } }
  };
  // @include _generated/coreSchemas.js
  // @include _lib/validate.js
  courtdeskValidate(RULES, newDoc, oldDoc, userCtx, secObj);
}
