function (newDoc, oldDoc, userCtx, secObj) {
  // courtdesk_library: e-library and download centre, maintained by IT admins.
  var RULES = {
    'libraryItem': { label: ['图书馆资料', 'library items'], create: ['admin'], update: ['admin'], remove: ['admin'] },
    'download': { label: ['下载中心文件', 'downloads'], create: ['admin'], update: ['admin'], remove: ['admin'] },
    // file:<uuid> carries exactly one attachment (a library file or download) for the document
    // named by ownerId; created by admins (the only writers of the library), never changed (a new
    // version is a new file), deleted only by its author or an admin.
    'file': { label: ['附件文件', 'files'], create: ['admin'], update: [], remove: ['author', 'admin'],
      fields: { ownerId: 'string', name: 'string', contentType: 'string', size: 'count', digest: 'string' }, oneAttachment: true,
      messages: { update: '附件文件不得修改，请上传新文件 (files cannot be changed; upload a new file)',
        remove: '只有上传者本人或系统管理员可以删除附件文件 (only the uploader or an admin may delete a file)' } }
  };
  // @include _generated/coreSchemas.js
  // @include _lib/validate.js
  courtdeskValidate(RULES, newDoc, oldDoc, userCtx, secObj);
}
