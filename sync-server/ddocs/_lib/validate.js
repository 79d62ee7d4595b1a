  // ---- shared CourtDesk validation engine (inlined by build/compileDdocs.ts; ES5 only) ----
  // Layer 1 (structure) mirrors core/schemas/base.ts; layer 2 (authority) applies the role rules
  // of docs/product-rules.md §3.2 given by the database's RULES table. userCtx.db and secObj are
  // deliberately unused:
  // the embedded server does not pass userCtx.db and passes an empty secObj on replication.
  function courtdeskValidate(RULES, newDoc, oldDoc, userCtx) {
    var ROLE_ZH = { judge: '审判员', assistant: '法官助理', clerk: '书记员', enforcement: '执行员',
      leader: '院庭长', admin: '系统管理员', worker: '服务端程序', author: '作者本人' };
    var ACTION = { create: ['新建', 'create'], update: ['修改', 'change'], remove: ['删除', 'delete'] };
    var ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
    var ctx = userCtx || {};
    var roles = ctx.roles || [];

    function has(list, x) {
      for (var i = 0; i < list.length; i++) { if (list[i] === x) { return true; } }
      return false;
    }
    function forbid(msg) { throw ({ forbidden: msg }); }
    function isLive(doc) { return !!doc && doc._deleted !== true; }
    function labelOf(rule, type) { return rule ? rule.label : [type, type]; }

    if (newDoc._id && newDoc._id.indexOf('_design/') === 0) { return; }
    if (has(roles, '_admin')) { return; }
    if (!ctx.name) { throw ({ unauthorized: '请先登录 (please sign in)' }); }
    if (has(roles, 'kiosk')) { forbid('公共查询终端只能查询，不能写入 (the kiosk is read-only)'); }

    function allowed(who, author) {
      for (var i = 0; i < who.length; i++) {
        if (who[i] === 'author') { if (author && author === ctx.name) { return true; } }
        else if (has(roles, who[i])) { return true; }
      }
      return false;
    }
    function authorise(rule, action, author) {
      var who = rule[action] || [];
      if (allowed(who, author)) { return; }
      if (rule.messages && rule.messages[action]) { forbid(rule.messages[action]); }
      var a = ACTION[action];
      if (who.length === 0) {
        forbid(rule.label[0] + '不允许' + a[0] + ' (' + rule.label[1] + ' may not be ' + a[1] + 'd)');
      }
      var zh = [];
      for (var i = 0; i < who.length; i++) { zh.push(ROLE_ZH[who[i]] || who[i]); }
      var en = who.join(', ').replace('author', 'the author');
      forbid('只有' + zh.join('、') + '可以' + a[0] + rule.label[0] + ' (only ' + en + ' may ' + a[1] + ' ' + rule.label[1] + ')');
    }

    // A tombstone that removes a losing conflict branch carries
    // `conflictResolution: { keptRev: '<rev of the kept leaf before the resolution>', at: '<ISO time>' }`
    // and needs only the type's update right: resolving a conflict is an edit, not a deletion.
    // This function cannot see the other leaves, so the server worker's conflict guard
    // (sync-server/src/workers/conflictGuard.ts) restores a document whose every leaf ends up
    // deleted by marked tombstones. Live documents may never carry the marker.
    function isMarker(m) {
      if (!m || typeof m !== 'object') { return false; }
      if (typeof m.keptRev !== 'string' || !/^[1-9]\d*-[0-9a-f]{1,64}$/.test(m.keptRev)) { return false; }
      if (m.keptRev === newDoc._rev) { return false; }
      return typeof m.at === 'string' && ISO_TIME.test(m.at);
    }

    // Deletion: decide from the stored document; a delete's newDoc may be a bare tombstone or
    // (on one server) carry the old body, so only the marker is read from it.
    if (newDoc._deleted === true) {
      if (!isLive(oldDoc)) { return; } // a tombstone for a document this server never had protects nothing
      var oldRule = RULES[oldDoc.type];
      if (!oldRule) { forbid('此数据库中没有这种文档类型 (unknown document type in this database: ' + oldDoc.type + ')'); }
      if (newDoc.conflictResolution !== undefined) {
        if (!isMarker(newDoc.conflictResolution)) {
          forbid('冲突处理标记无效 (conflictResolution must be { keptRev: "<another leaf revision>", at: "<ISO time>" })');
        }
        authorise(oldRule, 'update', oldDoc.createdBy);
        return;
      }
      authorise(oldRule, 'remove', oldDoc.createdBy);
      return;
    }
    if (newDoc.conflictResolution !== undefined) {
      forbid('冲突处理标记只能用于删除冲突版本 (conflictResolution is allowed only on a tombstone)');
    }

    // Layer 1: structure (the envelope of core/schemas/base.ts plus per-type id rules).
    var type = newDoc.type;
    if (typeof type !== 'string' || !RULES.hasOwnProperty(type)) {
      forbid('此数据库不接受这种文档类型 (document type not accepted in this database: ' + type + ')');
    }
    var rule = RULES[type];
    var id = newDoc._id;
    if (typeof id !== 'string' || id.indexOf(type + ':') !== 0 || id.length <= type.length + 1) {
      forbid('文档编号必须以“' + type + ':”开头 (_id must start with "' + type + ':")');
    }
    var v = newDoc.schemaVersion;
    if (typeof v !== 'number' || v < 1 || Math.floor(v) !== v) {
      forbid('schemaVersion 必须是不小于 1 的整数 (schemaVersion must be an integer >= 1)');
    }
    if (typeof newDoc.createdAt !== 'string' || !ISO_TIME.test(newDoc.createdAt)) {
      forbid('createdAt 必须是带时区的 ISO 时间 (createdAt must be an ISO-8601 time)');
    }
    if (typeof newDoc.createdBy !== 'string' || newDoc.createdBy.length === 0) {
      forbid('缺少创建人 (missing createdBy)');
    }
    if (rule.idParent) {
      var parent = newDoc[rule.idParent.field];
      if (typeof parent !== 'string' || parent.indexOf(rule.idParent.prefix) !== 0 ||
          id.indexOf(type + ':' + parent + ':') !== 0) {
        forbid('文档编号与所属' + rule.idParent.zh + '不符 (_id must start with "' + type + ':<' + rule.idParent.field + '>:")');
      }
    }
    if (rule.idEndsWithAuthor) {
      var suffix = ':' + newDoc.createdBy;
      if (id.length <= suffix.length || id.lastIndexOf(suffix) !== id.length - suffix.length) {
        forbid('文档编号必须以创建人结尾 (_id must end with ":<createdBy>")');
      }
    }

    // The collection rules of core/schemas (compiled to ES5 by build/ddocSchemas.ts and inlined
    // before this engine in the databases that hold such documents): the same checks the client
    // ran before its local write, so a forged or modified client cannot store what they refuse.
    if (typeof courtdeskSchemaIssues === 'function') {
      var schemaIssues = courtdeskSchemaIssues(newDoc);
      if (schemaIssues.length > 0) {
        forbid('文档内容不符合规则 (document fails its schema): ' + schemaIssues.join('; '));
      }
    }

    if (rule.fields) {
      for (var f in rule.fields) {
        if (!rule.fields.hasOwnProperty(f)) { continue; }
        var val = newDoc[f];
        var kind = rule.fields[f];
        var good = kind === 'count' ? (typeof val === 'number' && val >= 0 && Math.floor(val) === val)
          : (typeof val === 'string' && val.length > 0);
        if (!good) {
          forbid('字段 ' + f + ' 缺失或格式错误 (' + f + ' must be ' + (kind === 'count' ? 'an integer >= 0' : 'a non-empty string') + ')');
        }
      }
    }
    if (rule.oneAttachment) {
      var atts = newDoc._attachments;
      var names = [];
      if (atts && typeof atts === 'object') {
        for (var an in atts) { if (atts.hasOwnProperty(an)) { names.push(an); } }
      }
      if (names.length !== 1) {
        forbid('文件文档必须恰好带一个附件 (a file document must carry exactly one attachment)');
      }
      var att = atts[names[0]];
      if (!att || typeof att !== 'object' ||
          (att.content_type !== undefined && att.content_type !== newDoc.contentType)) {
        forbid('附件类型与 contentType 不符 (the attachment\'s content_type must equal contentType)');
      }
    }

    if (!isLive(oldDoc)) {
      if (newDoc.createdBy !== ctx.name) {
        forbid('创建人必须是当前登录用户 (createdBy must be the signed-in user)');
      }
      authorise(rule, 'create', ctx.name);
      return;
    }

    if (oldDoc.type !== newDoc.type || oldDoc.createdBy !== newDoc.createdBy || oldDoc.createdAt !== newDoc.createdAt) {
      forbid('不能修改文档类型、创建人或创建时间 (type, createdBy and createdAt cannot change)');
    }
    authorise(rule, 'update', oldDoc.createdBy);
  }
  // ---- end of shared engine ----
