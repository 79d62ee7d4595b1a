function (newDoc, oldDoc, userCtx, secObj) {
  // courtdesk_public: the public projection read by kiosks and the hearing board; only the
  // server worker writes it (it strips ID numbers, phone numbers and addresses); the structure of
  // both types (core/schemas/publicProjection.ts) is checked for any other writer.
  var W = '公开数据只能由服务端程序生成 (public data is written only by the server worker)';
  var RULES = {
    'publicCase': { label: ['公开案件信息', 'public case data'], create: ['worker'], update: ['worker'], remove: ['worker'],
      messages: { create: W, update: W, remove: W } },
    'hearingNotice': { label: ['开庭公告', 'hearing notices'], create: ['worker'], update: ['worker'], remove: ['worker'],
      messages: { create: W, update: W, remove: W } }
  };
  // @include _generated/coreSchemas.js
  // @include _lib/validate.js
  courtdeskValidate(RULES, newDoc, oldDoc, userCtx, secObj);
}
