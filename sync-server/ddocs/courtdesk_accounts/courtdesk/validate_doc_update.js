function (newDoc, oldDoc, userCtx, secObj) {
  // courtdesk_accounts: password changes through the server worker (_users is admin-only). Every
  // staff member may file an encrypted request for their own account (the id ends with their name);
  // nobody may change it; only the worker removes it and writes the public key and the results.
  var W = '只能由服务端程序写入 (written only by the server worker)';
  var STAFF = ['judge', 'assistant', 'clerk', 'enforcement', 'leader', 'admin'];
  var RULES = {
    'accountKey': { label: ['密码修改公钥', 'the password change key'], create: ['worker'], update: ['worker'], remove: ['worker'],
      messages: { create: W, update: W, remove: W } },
    'passwordChange': { label: ['修改密码请求', 'password change requests'], create: STAFF, update: [], remove: ['worker'],
      idEndsWithAuthor: true,
      messages: { update: '修改密码请求提交后不得修改 (a password change request cannot be changed)',
        remove: '修改密码请求只能由服务端程序处理后删除 (only the server worker removes a request it has handled)' } },
    'passwordChangeResult': { label: ['修改密码结果', 'password change results'], create: ['worker'], update: ['worker'], remove: ['worker'],
      messages: { create: W, update: W, remove: W } }
  };
  // @include _generated/coreSchemas.js
  // @include _lib/validate.js
  courtdeskValidate(RULES, newDoc, oldDoc, userCtx, secObj);
}
