function (newDoc, oldDoc, userCtx, secObj) {
  // courtdesk_enforcement: enforcement measures, asset inquiries and the dishonest-debtor list,
  // written by enforcement officers; removal from the list is an update, never a delete.
  var RULES = {
    'enforcementAction': { label: ['执行措施', 'enforcement actions'], create: ['enforcement'], update: ['enforcement'], remove: [] },
    'assetInquiry': { label: ['财产查控记录', 'asset inquiries'], create: ['enforcement'], update: ['enforcement'], remove: [] },
    'dishonestDebtor': { label: ['失信被执行人名单', 'dishonest-debtor entries'], create: ['enforcement'], update: ['enforcement'], remove: [] }
  };
  // @include _lib/validate.js
  courtdeskValidate(RULES, newDoc, oldDoc, userCtx, secObj);
}
