function (newDoc, oldDoc, userCtx, secObj) {
  // courtdesk_documents: judgment drafts (concurrent offline edits become visible conflicts),
  // document templates (文书样式, IT admins) and archive volumes (卷宗, clerks).
  var RULES = {
    'draft': { label: ['文书草稿', 'drafts'], create: ['judge', 'assistant', 'clerk'], update: ['judge', 'assistant', 'clerk'], remove: ['author'] },
    'template': { label: ['文书样式', 'templates'], create: ['admin'], update: ['admin'], remove: ['admin'] },
    'volume': { label: ['卷宗', 'archive volumes'], create: ['clerk'], update: ['clerk'], remove: [] }
  };
  // @include _lib/validate.js
  courtdeskValidate(RULES, newDoc, oldDoc, userCtx, secObj);
}
