function (newDoc, oldDoc, userCtx, secObj) {
  // courtdesk_forum: one document per post; only its author edits or deletes it. Boards by admins.
  var RULES = {
    'board': { label: ['论坛版块', 'forum boards'], create: ['admin'], update: ['admin'], remove: ['admin'] },
    'post': { label: ['帖子', 'posts'], create: ['judge', 'assistant', 'clerk', 'enforcement', 'leader', 'admin'], update: ['author'], remove: ['author'],
      messages: { update: '只有作者本人可以修改帖子 (only the author may edit a post)',
        remove: '只有作者本人可以删除帖子 (only the author may delete a post)' } }
  };
  // @include _generated/coreSchemas.js
  // @include _lib/validate.js
  courtdeskValidate(RULES, newDoc, oldDoc, userCtx, secObj);
}
