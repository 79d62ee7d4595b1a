function (newDoc, oldDoc, userCtx, secObj) {
  // courtdesk_library: e-library and download centre, maintained by IT admins.
  var RULES = {
    'libraryItem': { label: ['图书馆资料', 'library items'], create: ['admin'], update: ['admin'], remove: ['admin'] },
    'download': { label: ['下载中心文件', 'downloads'], create: ['admin'], update: ['admin'], remove: ['admin'] }
  };
  // @include _lib/validate.js
  courtdeskValidate(RULES, newDoc, oldDoc, userCtx, secObj);
}
