/**
 * The Chinese labels of the public projection (kiosk and hearing board show them as they are):
 * stages, service methods, time-limit changes and enforcement steps. Only fixed labels are
 * projected, never free text a clerk typed (a reason or note could name anyone).
 */
import type { CaseStatus } from '../domain/caseState';
import type { ServiceMethod } from '../domain/processEvents';

/** Stage labels by case status; enforcement cases read 执行中 where others read 审理中. */
export function stageLabel(status: CaseStatus, enforcement: boolean): string {
  switch (status) {
    case 'pendingNumber':
      return '待编案号';
    case 'filed':
      return '已立案';
    case 'assigned':
      return enforcement ? '执行中' : '已分案';
    case 'inHearing':
      return enforcement ? '执行中' : '审理中';
    case 'suspended':
      return enforcement ? '中止执行' : '中止审理';
    case 'closed':
      return '已结案';
    case 'appealed':
      return '已上诉';
  }
}

/** 送达 labels by method (民事诉讼法 第八十七条至第九十五条). */
export const SERVICE_LABELS: Readonly<Record<ServiceMethod | 'other', string>> = {
  direct: '直接送达',
  lodged: '留置送达',
  electronic: '电子送达',
  entrusted: '委托送达',
  mail: '邮寄送达',
  transferred: '转交送达',
  public: '公告送达',
  other: '送达',
};

/** Enforcement measure labels (core/enforcement/measures.ts kinds). */
export const MEASURE_LABELS: Readonly<Record<string, string>> = {
  executionNotice: '发出执行通知书',
  reportOrder: '发出报告财产令',
  consumptionRestriction: '限制消费',
  exitRestriction: '限制出境',
  fine: '罚款',
  detention: '司法拘留',
};

/** Asset-control labels (core/enforcement/assetControl.ts kinds). */
export const CONTROL_LABELS: Readonly<Record<string, string>> = {
  freeze: '冻结财产',
  seizure: '查封财产',
  deduction: '扣划财产',
};

/** Enforcement closing labels (core/enforcement/closing.ts modes). */
export const CLOSING_LABELS: Readonly<Record<string, string>> = {
  performed: '执行完毕',
  terminatedThisRound: '终结本次执行程序',
  terminated: '终结执行',
  notEnforced: '不予执行',
};

/** A table entry, ignoring inherited properties. */
export function labelOf(table: Readonly<Record<string, string>>, key: unknown): string | undefined {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
