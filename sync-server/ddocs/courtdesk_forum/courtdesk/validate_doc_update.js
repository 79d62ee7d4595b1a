function (newDoc, oldDoc, userCtx, secObj) {
  // courtdesk_forum: one document per post; only its author edits, withdraws or deletes it; admins
  // moderate (hide with a reason, lock a thread) without touching the content. Boards by admins.
  // Boards are created, renamed, reordered, closed (`archived: true`) and deleted by admins; a board
  // is deleted only once closed. A closed board taking no new posts and a board holding posts not
  // being deletable need other documents: `_design/courtdesk_boards`, kept by the server worker
  // (sync-server/src/workers/boardState.ts), enforces those two, and refuses a new reply to a
  // thread an admin locked (this function sees no other document).
  // A post's files are `file:` documents of their own (the file lane), uploaded by any staff member.
  var RULES = {
    'board': { label: ['论坛版块', 'forum boards'], create: ['admin'], update: ['admin'], remove: ['admin'] },
    'post': { label: ['帖子', 'posts'], create: ['judge', 'assistant', 'clerk', 'enforcement', 'leader', 'admin'], update: ['author'], remove: ['author'],
      moderation: { roles: ['admin'], fields: ['hidden', 'locked'],
        message: '只有系统管理员可以隐藏帖子或锁定主题 (only admins may hide posts or lock threads)' },
      messages: { update: '只有作者本人可以修改帖子 (only the author may edit a post)',
        remove: '只有作者本人可以删除帖子 (only the author may delete a post)' } },
    'file': { label: ['附件文件', 'files'], create: ['judge', 'assistant', 'clerk', 'enforcement', 'leader', 'admin'], update: [], remove: ['author', 'admin'],
      fields: { ownerId: 'string', name: 'string', contentType: 'string', size: 'count', digest: 'string' }, oneAttachment: true,
      messages: { update: '附件文件不得修改，请上传新文件 (files cannot be changed; upload a new file)',
        remove: '只有上传者本人或系统管理员可以删除附件文件 (only the uploader or an admin may delete a file)' } }
  };
  // @include _generated/coreSchemas.js
  // @include _lib/validate.js
  courtdeskValidate(RULES, newDoc, oldDoc, userCtx, secObj);
  // (A marked tombstone resolving a conflict is an edit, checked above; the conflict guard restores
  // a document all of whose leaves such tombstones deleted.)
  if (newDoc._deleted === true && newDoc.conflictResolution === undefined && oldDoc && oldDoc._deleted !== true &&
      oldDoc.type === 'board' && oldDoc.archived !== true && (userCtx.roles || []).indexOf('_admin') < 0) {
    throw ({ forbidden: '只能删除已关闭的版块，请先关闭 (close the board before deleting it)' });
  }
}
