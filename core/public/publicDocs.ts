/**
 * The documents of `courtdesk_public` (written only by the server worker; read by kiosks and the
 * hearing board). They hold what SPEC §4.6 lets the public see and nothing that identifies a
 * natural person beyond it: no ID numbers, phone numbers or addresses; parties of protected case
 * types (SPEC §4.4) as surname + 某. The shapes are the contract between the projection worker
 * (sync-server/src/workers) and the kiosk and board screens (renderer/src/features/kiosk, board).
 */
import type { QueryCodeHash } from './queryCode';

/** A hearing as the public sees it. */
export interface PublicHearing {
  /** ISO date-time (with offset) the hearing starts. */
  readonly startsAt: string;
  /** Court room (法庭), e.g. 第三法庭. */
  readonly courtroom: string;
  /** 'scheduled' | 'postponed' | 'cancelled' | 'held'. */
  readonly status: 'scheduled' | 'postponed' | 'cancelled' | 'held';
}

/** A party as the public sees it (name already masked where the case type requires). */
export interface PublicParty {
  /** Role label in Chinese (原告, 被告, 申请执行人 …). */
  readonly role: string;
  /** Name, or surname + 某 for protected case types. */
  readonly name: string;
}

/**
 * `publicCase:<caseUuid>` — one case's public progress. Readable by any kiosk; the kiosk shows it
 * only after the number and one party's query code match (`access`).
 */
export interface PublicCaseDoc {
  readonly _id: string;
  readonly type: 'publicCase';
  readonly schemaVersion: 1;
  /** Official case number (（2026）甘0402民初123号); provisional numbers are not projected. */
  readonly caseNumber: string;
  readonly cause: string;
  /** Case type code (民初, 执 …). */
  readonly caseTypeCode: string;
  /** YYYY-MM-DD. */
  readonly filedOn: string;
  /** Stage code and its Chinese label (立案, 审理, 已结案 …). */
  readonly stage: string;
  readonly stageLabel: string;
  /** Judge in charge (承办法官) and panel members' names (staff names are public). */
  readonly judgeInCharge: string | null;
  readonly panel: readonly string[];
  readonly parties: readonly PublicParty[];
  readonly hearings: readonly PublicHearing[];
  /** Time-limit changes (延长, 扣除, 中止 …): date, Chinese label, days where relevant. */
  readonly timeLimitChanges: readonly {
    readonly on: string;
    readonly label: string;
    readonly days?: number;
  }[];
  /** Service (送达) steps: date and Chinese label. */
  readonly services: readonly { readonly on: string; readonly label: string }[];
  /** Enforcement progress for 执 cases: Chinese labels with dates, amount recovered (fen). */
  readonly enforcement: {
    readonly steps: readonly { readonly on: string; readonly label: string }[];
    readonly recoveredFen: number;
  } | null;
  /** One salted hash per party's query code (queryCode.ts). */
  readonly access: readonly QueryCodeHash[];
  /** ISO time of the projection. */
  readonly updatedAt: string;
  /** Envelope (core/schemas/base.ts): first projection time and the worker's user name. */
  readonly createdAt?: string;
  readonly createdBy?: string;
}

/**
 * `hearingNotice:<caseUuid>:<hearing key>` — one line of the lobby board (开庭公告) or an
 * enforcement notice; the board lists today's and tomorrow's.
 */
export interface HearingNoticeDoc {
  readonly _id: string;
  readonly type: 'hearingNotice';
  readonly schemaVersion: 1;
  /** 'hearing' for a hearing, 'enforcement' for an enforcement notice (e.g. 现场执行, 财产处置). */
  readonly kind: 'hearing' | 'enforcement';
  readonly caseNumber: string;
  readonly cause: string;
  readonly startsAt: string;
  readonly courtroom: string;
  readonly judge: string | null;
  readonly parties: readonly PublicParty[];
  readonly status: PublicHearing['status'];
  /** Chinese label of the notice (公开开庭, 不公开开庭, 执行公告 …). */
  readonly label: string;
  readonly updatedAt: string;
  /** Envelope (core/schemas/base.ts): first projection time and the worker's user name. */
  readonly createdAt?: string;
  readonly createdBy?: string;
}
