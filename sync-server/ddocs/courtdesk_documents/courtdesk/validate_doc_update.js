function (newDoc, oldDoc, userCtx, secObj) {
  // courtdesk_documents: judgment drafts (concurrent offline edits become visible conflicts),
  // document templates (文书样式, IT admins), archive volumes (卷宗, clerks) and the files (scans,
  // PDFs) attached to them.
  var RULES = {
    'draft': { label: ['文书草稿', 'drafts'], create: ['judge', 'assistant', 'clerk'], update: ['judge', 'assistant', 'clerk'], remove: ['author'] },
    // A draft's content (docs/documents.md "Co-drafting"): Yjs update batches and folded snapshots,
    // written once by the drafting roles, never changed, deleted only by their author (compaction
    // removes one's own batches once one's own snapshot covers them). Ids start with the draft and
    // end with the author, so nobody can take an id another writer will use. Whether the author is
    // on the case's team cannot be read here: clients ignore outsiders' documents and the worker
    // audits them.
    'draftUpdate': { label: ['文书修改记录', 'draft updates'], create: ['judge', 'assistant', 'clerk'], update: [], remove: ['author'],
      idParent: { field: 'draftId', prefix: 'draft:', zh: '文书草稿' }, idEndsWithAuthor: true,
      messages: { update: '文书修改记录一经保存不得修改 (draft updates cannot be changed once saved)',
        remove: '只有作者本人可以删除自己的文书修改记录 (only the author may delete their draft updates)' } },
    'draftSnapshot': { label: ['文书快照', 'draft snapshots'], create: ['judge', 'assistant', 'clerk'], update: [], remove: ['author'],
      idParent: { field: 'draftId', prefix: 'draft:', zh: '文书草稿' }, idEndsWithAuthor: true,
      messages: { update: '文书快照一经保存不得修改 (draft snapshots cannot be changed once saved)',
        remove: '只有作者本人可以删除自己的文书快照 (only the author may delete their draft snapshots)' } },
    // Named versions (初稿 … 签发) are the draft's record: never changed or deleted. 定稿 and 签发
    // only by judges and court leaders (checked below).
    'draftVersion': { label: ['文书版本', 'draft versions'], create: ['judge', 'assistant', 'clerk', 'leader'], update: [], remove: [],
      idParent: { field: 'draftId', prefix: 'draft:', zh: '文书草稿' }, idEndsWithAuthor: true,
      messages: { update: '文书版本一经保存不得修改 (draft versions cannot be changed once saved)',
        remove: '文书版本不得删除 (draft versions cannot be deleted)' } },
    // The publication record (裁判文书公开): kept by the clerk who publishes, never changed.
    'publication': { label: ['文书公开记录', 'publication records'], create: ['clerk'], update: [], remove: [],
      messages: { create: '只有书记员可以公开裁判文书 (only clerks may publish documents)',
        update: '公开记录不得修改 (publication records cannot be changed)',
        remove: '公开记录不得删除 (publication records cannot be deleted)' } },
    'template': { label: ['文书样式', 'templates'], create: ['admin'], update: ['admin'], remove: ['admin'] },
    'volume': { label: ['卷宗', 'archive volumes'], create: ['clerk'], update: ['clerk'], remove: [] },
    // Archives (docs/archives.md): volumes of closed cases and papers of the electronic case file
    // are written by the trial staff; only their creator (or an admin) changes the catalogue, and
    // only an admin deletes one. Their OCR text likewise. Import runs are the server admin's.
    'archiveVolume': { label: ['卷宗', 'archive volumes'], create: ['clerk', 'judge', 'assistant', 'admin'], update: ['author', 'admin'], remove: ['admin'],
      messages: { update: '只有卷宗的创建人或系统管理员可以修改目录 (only the creator of a volume or an admin may change its catalogue)',
        remove: '只有系统管理员可以删除卷宗 (only an admin may delete an archive volume)' } },
    'caseFilePaper': { label: ['电子卷宗材料', 'case file papers'], create: ['clerk', 'judge', 'assistant', 'admin'], update: ['author', 'admin'], remove: ['admin'],
      messages: { update: '只有材料的创建人或系统管理员可以修改目录 (only the creator of a paper or an admin may change its catalogue)',
        remove: '只有系统管理员可以删除电子卷宗材料 (only an admin may delete a case file paper)' } },
    'archiveText': { label: ['卷宗识别文本', 'archive OCR texts'], create: ['clerk', 'judge', 'assistant', 'admin'], update: ['author', 'admin'], remove: ['admin'] },
    'archiveImport': { label: ['卷宗导入记录', 'archive import runs'], create: ['admin'], update: ['admin'], remove: ['admin'] },
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
  // 定稿 and 签发 are the judge's (or a court leader's) decision, not an assistant's or clerk's.
  var settling = newDoc.type === 'draftVersion' && newDoc._deleted !== true &&
    (newDoc.milestone === 'final' || newDoc.milestone === 'issued');
  var ctxRoles = (userCtx && userCtx.roles) || [];
  if (settling && ctxRoles.indexOf('_admin') < 0 && ctxRoles.indexOf('judge') < 0 && ctxRoles.indexOf('leader') < 0) {
    throw ({ forbidden: '只有审判员或院庭长可以定稿、签发 (only judges and court leaders may finalise or issue a document)' });
  }
}
