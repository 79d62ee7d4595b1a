function (newDoc, oldDoc, userCtx, secObj) {
  // courtdesk_documents: judgment drafts (concurrent offline edits become visible conflicts),
  // document templates (文书样式, IT admins), archive volumes (卷宗, clerks) and the files (scans,
  // PDFs) attached to them.
  var RULES = {
    'draft': { label: ['文书草稿', 'drafts'], create: ['judge', 'assistant', 'clerk'], update: ['judge', 'assistant', 'clerk'], remove: ['author'] },
    'template': { label: ['文书样式', 'templates'], create: ['admin'], update: ['admin'], remove: ['admin'] },
    'volume': { label: ['卷宗', 'archive volumes'], create: ['clerk'], update: ['clerk'], remove: [] },
    // file:<uuid> carries exactly one attachment (a scan, a volume PDF) for the document named by
    // ownerId; created by any staff member, never changed (a new version is a new file), deleted
    // only by its author or an admin.
    'file': { label: ['附件文件', 'files'], create: ['judge', 'assistant', 'clerk', 'enforcement', 'leader', 'admin'], update: [], remove: ['author', 'admin'],
      fields: { ownerId: 'string', name: 'string', contentType: 'string', size: 'count', digest: 'string' }, oneAttachment: true,
      messages: { update: '附件文件不得修改，请上传新文件 (files cannot be changed; upload a new file)',
        remove: '只有上传者本人或系统管理员可以删除附件文件 (only the uploader or an admin may delete a file)' } }
  };
  // @include _generated/coreSchemas.js
  // @include _lib/validate.js
  courtdeskValidate(RULES, newDoc, oldDoc, userCtx, secObj);
}
