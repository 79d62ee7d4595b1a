/**
 * Demo documents of the office features, so a fresh demo shows them filled in: notices (通知通报)
 * with read receipts, forum threads (内网论坛) on the standard boards, enforcement records (执行) of
 * a few open 执 cases and one published dishonest-debtor entry (失信被执行人). Deterministic: a PRNG
 * of its own (the cases stay byte-identical) and dates relative to {@link DEMO_AS_OF}-like `asOf`.
 * Each record is valid under its core schema; approvals carry the leader who gave them (seeding
 * writes as admin, the way a leader's later approval update would leave the document).
 */
import { receiptId } from '../../../core/schemas/receipt';
import { currentVersion } from '../../../core/schemas/registry';
import { Rng, addDays, beijing } from './demoRandom';
import type { DemoDoc } from './demoGenerator';
import { demoEnforcement, type DocMaker } from './demoEnforcement';

export { DEMO_FREEZE_LAPSE_DAYS } from './demoEnforcement';

/** What the office generator reads from the generated cases. */
export interface OfficeInput {
  asOf: string;
  /** Open 执 cases, oldest filing first, each with its official number and enforcement officer. */
  enforcementCases: { doc: DemoDoc; caseNumber: string; officer: string }[];
}

const p = (...paras: string[]): string => paras.map((x) => `<p>${x}</p>`).join('');

/** The notices, forum, and enforcement documents, per CouchDB database. */
export function generateOffice(input: OfficeInput): Record<string, DemoDoc[]> {
  const rng = new Rng(0x0fce);
  const { asOf } = input;
  const doc: DocMaker = (type, id, at, by, fields) =>
    ({
      _id: id,
      type,
      schemaVersion: currentVersion(type),
      createdAt: at,
      createdBy: by,
      ...fields,
    }) as DemoDoc;

  // 通知通报: leaders and admins publish; readers leave receipts.
  const notices: DemoDoc[] = [];
  const notice = (
    daysBack: number,
    by: string,
    fields: Record<string, unknown>,
    readers: readonly string[],
  ): void => {
    const at = beijing(addDays(asOf, -daysBack), 9, 30);
    const n = doc('notice', `notice:${rng.uuid()}`, at, by, { ...fields, publishedAt: at });
    notices.push(n);
    readers.forEach((r, i) =>
      notices.push(
        doc('receipt', receiptId(n._id, r), beijing(addDays(asOf, -daysBack + (i % 3)), 10 + (i % 7), 5), r, {
          noticeId: n._id,
          readAt: beijing(addDays(asOf, -daysBack + (i % 3)), 10 + (i % 7), 5),
        }),
      ),
    );
  };
  notice(
    12,
    'leader.zhang',
    {
      title: '关于做好2026年度审判执行工作收官的通知',
      body: p(
        '各庭室：',
        '为确保全年审判执行任务圆满完成，现就年底结案工作通知如下：一、各庭室于12月10日前完成长期未结案件清理，逐案制定结案计划；二、严格执行审限管理，确需延长审限的，依法报院长审批；三、加强裁判文书质量自查，12月20日前完成文书上网核查。',
        '请各庭室负责人认真组织落实。',
      ),
      priority: 'important',
      pinned: true,
      mustReadBy: addDays(asOf, 10),
      audience: { kind: 'everyone' },
    },
    ['leader.li', 'leader.ma', 'judge.zhao', 'judge.liu', 'judge.chen', 'clerk.wang', 'enforcement.han'],
  );
  notice(
    8,
    'leader.li',
    {
      title: '关于开展涉民生案件集中执行专项行动的通知',
      body: p(
        '执行局：',
        '根据上级法院部署，自即日起至2027年春节前开展涉民生案件集中执行专项行动，重点执行拖欠农民工工资、赡养费、抚养费及人身损害赔偿案件。',
        '请对全部在办执行案件开展一次网络查控，对有履行能力拒不履行的被执行人依法采取限制消费、纳入失信名单等措施，每周五报送进展。',
      ),
      priority: 'urgent',
      mustReadBy: addDays(asOf, 3),
      audience: { kind: 'divisions', divisions: ['zhixing'] },
    },
    ['judge.sun', 'enforcement.han', 'enforcement.feng', 'assistant.gao'],
  );
  notice(
    5,
    'admin.xie',
    {
      title: '关于周六晚间系统维护的通知',
      body: p(
        '全院干警：',
        '信息科定于本周六20:00至22:00对服务器进行例行维护。维护期间可继续离线办案，恢复联网后数据将自动同步，请勿重复录入。',
      ),
      priority: 'normal',
      audience: { kind: 'everyone' },
    },
    ['judge.huang', 'clerk.luo', 'assistant.hu'],
  );
  notice(
    2,
    'leader.ma',
    {
      title: '民一庭关于调整周三审委会讨论案件报送时间的通知',
      body: p('民一庭全体干警：', '自下周起，提交审判委员会讨论的案件请于周一下班前将审理报告报送庭长。'),
      priority: 'normal',
      audience: { kind: 'divisions', divisions: ['min1'] },
    },
    ['judge.xu', 'clerk.zheng'],
  );

  // 内网论坛: threads on the standard boards, replies from colleagues, one quoting.
  const posts: DemoDoc[] = [];
  const thread = (
    daysBack: number,
    board: string,
    by: string,
    title: string,
    body: string,
    replies: readonly { by: string; body: string; quoteFirst?: boolean }[],
  ): void => {
    const day = addDays(asOf, -daysBack);
    const opening = doc('post', `post:${rng.uuid()}`, beijing(day, 12, 10), by, {
      board: `board:${board}`,
      title,
      body,
    });
    posts.push(opening);
    let prev = opening;
    replies.forEach((r, i) => {
      const reply = doc('post', `post:${rng.uuid()}`, beijing(addDays(day, i), 14 + i, 20), r.by, {
        board: `board:${board}`,
        threadId: opening._id,
        body: r.body,
        ...(r.quoteFirst ? { quotes: prev._id } : {}),
      });
      posts.push(reply);
      prev = reply;
    });
  };
  thread(
    9,
    'trial',
    'judge.zhao',
    '民间借贷案件中利息约定不明如何认定？',
    p('最近审理一起民间借贷纠纷，借条只写“按银行利息计算”，双方对利率理解不一致。各位在实务中一般怎么认定？'),
    [
      {
        by: 'judge.liu',
        body: p(
          '可参照民间借贷司法解释第二十四条，约定不明的结合交易习惯、当地利率水平综合认定，一般按同期一年期LPR。',
        ),
      },
      {
        by: 'assistant.hu',
        quoteFirst: true,
        body: p('补充一点：庭审中要注意让出借人说明款项交付方式，避免虚假诉讼。'),
      },
    ],
  );
  thread(
    7,
    'enforcement',
    'enforcement.han',
    '网络查控反馈的微信、支付宝余额如何冻结？',
    p('总对总查询反馈被执行人有支付宝余额，但扣划时提示需要另行出具协助执行通知书，有经验的同事说说流程。'),
    [
      {
        by: 'enforcement.feng',
        body: p('需要通过点对点向第三方支付机构送达冻结裁定和协助执行通知书，冻结期限按存款类一年掌握。'),
      },
      {
        by: 'judge.sun',
        quoteFirst: true,
        body: p('冻结到期前记得续冻，系统里的到期预警30天就会提示。'),
      },
      { by: 'enforcement.han', body: p('明白了，谢谢两位！') },
    ],
  );
  thread(
    5,
    'general',
    'clerk.wang',
    '立案大厅周末预约服务排班征求意见',
    p('诉讼服务中心拟在12月试行周六上午预约立案，请各庭室书记员报名参与轮值，每人每月不超过一次。'),
    [
      { by: 'clerk.luo', body: p('报名第一周。') },
      { by: 'clerk.song', body: p('刑庭这边可以排第三周，请提前一周通知。') },
    ],
  );
  thread(
    4,
    'literature',
    'judge.xu',
    '【随笔】金城冬日的第一场雪',
    p(
      '清晨推开窗，黄河岸边已是一片素白。开庭前调解室里，原被告两家人围着炉子慢慢把话说开，这大概就是我们工作里最暖的时刻。',
    ),
    [{ by: 'leader.ma', body: p('写得好，调解工作就需要这份耐心。') }],
  );
  thread(
    3,
    'trial',
    'judge.wu',
    '行政机关负责人出庭应诉情况统计口径',
    p('年底报表中行政机关负责人出庭应诉率的统计口径有变化吗？副职出庭算不算？'),
    [
      { by: 'assistant.lin', body: p('按新口径，分管副职出庭也计入，但需提交授权委托材料。') },
      { by: 'judge.wu', quoteFirst: true, body: p('收到，按此口径报送。') },
    ],
  );

  const enforcement = demoEnforcement(input, rng, doc);
  return { courtdesk_notices: notices, courtdesk_forum: posts, courtdesk_enforcement: enforcement };
}
