/**
 * Asset inquiry and control (财产查控, docs/enforcement.md): the kinds of assets the network
 * inquiry system (总对总) and local inquiries (点对点) reach, the statutory longest period of each
 * freeze or seizure, and the warnings shown before a control lapses.
 *
 * Periods: 最高人民法院关于适用《中华人民共和国民事诉讼法》的解释（2022年修正）第四百八十五条
 * (2015年版 第四百八十七条): bank deposits frozen at most one year, movables seized at most two
 * years, real estate seized and other property rights frozen at most three years; a renewal
 * (续行查封、扣押、冻结) is made before expiry and is no longer than those periods.
 */
import {
  addDays,
  addMonths,
  compareDates,
  daysBetween,
  isPlainDate,
  type PlainDate,
} from '../domain/plainDate';
import { warningLevel, type WarningLevel } from '../domain/deadlines';

/** Asset kinds of the inquiry system. */
export const ASSET_KINDS = [
  'bankDeposit',
  'realEstate',
  'vehicle',
  'securities',
  'onlinePayment',
  'providentFund',
] as const;
/** One of {@link ASSET_KINDS}. */
export type AssetKind = (typeof ASSET_KINDS)[number];

/** 总对总 (the SPC's network inquiry and control system) or 点对点 (a local institution). */
export const INQUIRY_CHANNELS = ['network', 'local'] as const;
/** One of {@link INQUIRY_CHANNELS}. */
export type InquiryChannel = (typeof INQUIRY_CHANNELS)[number];

/** The answer of an inquiry. */
export const INQUIRY_RESULTS = ['pending', 'found', 'notFound'] as const;
/** One of {@link INQUIRY_RESULTS}. */
export type InquiryResult = (typeof INQUIRY_RESULTS)[number];

/** Control measures on an asset found: 冻结, 查封/扣押, 扣划. */
export const CONTROL_KINDS = ['freeze', 'seizure', 'deduction'] as const;
/** One of {@link CONTROL_KINDS}. */
export type ControlKind = (typeof CONTROL_KINDS)[number];

/** The statutory class of an asset for the period of its control (第四百八十五条). */
export type ControlClass = 'deposit' | 'movable' | 'realEstate' | 'otherRight';

/**
 * The class of each asset kind. Online payment balances and the housing provident fund are funds
 * held by an institution and are frozen like deposits (one year), as courts do in practice;
 * securities are "other property rights" (three years); a vehicle is a movable (two years).
 */
export const CONTROL_CLASS: Readonly<Record<AssetKind, ControlClass>> = {
  bankDeposit: 'deposit',
  onlinePayment: 'deposit',
  providentFund: 'deposit',
  vehicle: 'movable',
  realEstate: 'realEstate',
  securities: 'otherRight',
};

/** The longest period in months of one freeze or seizure of each class (第四百八十五条). */
export const MAX_CONTROL_MONTHS: Readonly<Record<ControlClass, number>> = {
  deposit: 12,
  movable: 24,
  realEstate: 36,
  otherRight: 36,
};

/** The release (解除冻结/查封) of a freeze or seizure, recorded once by an officer. */
export interface ControlRelease {
  /** The day the release takes effect. */
  readonly on: PlainDate;
  /** Number of the ruling releasing it (解除裁定书文号). */
  readonly rulingNo: string;
  readonly reason: string;
  /** The officer who recorded it (the server checks it is the signed-in user). */
  readonly by: string;
}

/** One control measure as stored inside an asset inquiry record. */
export interface AssetControl {
  readonly kind: ControlKind;
  /** The day the measure took effect (a deduction: the day the money was taken). */
  readonly date: PlainDate;
  /** Yuan frozen, seized (valued) or deducted. */
  readonly amount?: number;
  /** Last day of a freeze or seizure (inclusive). */
  readonly expiresOn?: PlainDate;
  /** Index of the earlier control (same record) this one renews (续冻/续封). */
  readonly renews?: number;
  /** The release of a freeze or seizure (解除), with its ruling and reason. */
  readonly release?: ControlRelease;
  /** The day the measure was lifted, as records from before {@link ControlRelease} hold it. */
  readonly releasedOn?: PlainDate;
  /** Number of the ruling or notice of assistance (协助执行通知书). */
  readonly documentNo?: string;
}

/** The day a control was released, if it was (a recorded release, or the older `releasedOn`). */
export function releasedOn(c: AssetControl): PlainDate | undefined {
  return c.release?.on ?? c.releasedOn;
}

/** True when the control has been released (解除): it is then fixed and never warns again. */
export function isReleased(c: AssetControl): boolean {
  return releasedOn(c) !== undefined;
}

/**
 * True when control `index` may be released now: a freeze or seizure not yet released and not
 * renewed by a later control (the renewal is the one in force and is released instead).
 */
export function mayRelease(controls: readonly AssetControl[], index: number): boolean {
  const c = controls[index];
  if (!c || c.kind === 'deduction' || isReleased(c)) return false;
  return !controls.some((other) => other.renews === index);
}

/**
 * The last day of a control of `months` months taking effect on `start`: the start day is the
 * first day of the period, so one year from 2026-03-01 ends on 2027-02-28.
 */
export function controlLastDay(start: PlainDate, months: number): PlainDate {
  return addDays(addMonths(start, months), -1);
}

/** The latest lawful last day of a freeze or seizure of `asset` taking effect on `start`. */
export function maxExpiry(asset: AssetKind, start: PlainDate): PlainDate {
  return controlLastDay(start, MAX_CONTROL_MONTHS[CONTROL_CLASS[asset]]);
}

/** A problem with one control, with a bilingual message. */
export interface ControlIssue {
  readonly code:
    | 'expiryMissing'
    | 'expiryBeforeStart'
    | 'expiryTooLate'
    | 'amountMissing'
    | 'renewsInvalid'
    | 'releaseBeforeStart'
    | 'releaseInvalid';
  readonly message: string;
}

/** Every problem of control `index` among `controls` on an asset of kind `asset`. */
export function controlIssues(
  asset: AssetKind,
  controls: readonly AssetControl[],
  index: number,
): ControlIssue[] {
  const c = controls[index];
  if (!c) return [];
  const issues: ControlIssue[] = [];
  if (c.kind === 'deduction') {
    if (typeof c.amount !== 'number' || !(c.amount > 0))
      issues.push({ code: 'amountMissing', message: '扣划必须写明金额 (a deduction needs its amount)' });
  } else if (!c.expiresOn || !isPlainDate(c.expiresOn)) {
    issues.push({
      code: 'expiryMissing',
      message: '冻结、查封必须写明到期日 (a freeze or seizure needs its last day)',
    });
  } else if (isPlainDate(c.date)) {
    if (compareDates(c.expiresOn, c.date) < 0)
      issues.push({
        code: 'expiryBeforeStart',
        message: '到期日早于生效日 (the last day is before the start)',
      });
    const latest = maxExpiry(asset, c.date);
    if (compareDates(c.expiresOn, latest) > 0) {
      const months = MAX_CONTROL_MONTHS[CONTROL_CLASS[asset]];
      issues.push({
        code: 'expiryTooLate',
        message: `超过法定期限，最迟到 ${latest}（${months / 12}年，民诉法解释第四百八十五条）(longer than the statutory ${months / 12} year(s): last day at most ${latest})`,
      });
    }
  }
  if (c.renews !== undefined) {
    const earlier = controls[c.renews];
    if (!Number.isInteger(c.renews) || c.renews >= index || !earlier || earlier.kind !== c.kind)
      issues.push({
        code: 'renewsInvalid',
        message: '续行措施必须指向此前的同类措施 (a renewal must follow an earlier measure of its kind)',
      });
  }
  const released = releasedOn(c);
  if (released && isPlainDate(c.date) && compareDates(released, c.date) < 0)
    issues.push({
      code: 'releaseBeforeStart',
      message: `解除日期不得早于措施生效日 ${c.date} (the release cannot be dated before the control took effect on ${c.date})`,
    });
  if (released && c.kind === 'deduction')
    issues.push({
      code: 'releaseInvalid',
      message: '扣划不能解除，只有冻结、查封可以解除 (only a freeze or seizure can be released)',
    });
  if (c.release && controls.some((other) => other.renews === index))
    issues.push({
      code: 'releaseInvalid',
      message: '已续行的措施请解除续行后的措施 (a renewed control is released through its renewal)',
    });
  if (c.renews !== undefined && controls[c.renews] && isReleased(controls[c.renews] as AssetControl))
    issues.push({
      code: 'renewsInvalid',
      message: '已解除的措施不能续行 (a released control cannot be renewed)',
    });
  return issues;
}

/** A freeze or seizure still in force on a day, with the days left and the warning level. */
export interface ControlLapse {
  readonly index: number;
  readonly kind: ControlKind;
  readonly expiresOn: PlainDate;
  /** Days after `asOf` up to and including the last day; negative once lapsed. */
  readonly daysLeft: number;
  /** 30, 15, 7 days left, or `overdue` (lapsed without renewal): the case deadlines' levels. */
  readonly level: WarningLevel;
}

/**
 * The freezes and seizures of one record that still need watching on `asOf`: not released and
 * not renewed by a later control. Deductions never lapse and are left out.
 */
export function openControls(controls: readonly AssetControl[], asOf: PlainDate): ControlLapse[] {
  const renewed = new Set(controls.flatMap((c) => (c.renews === undefined ? [] : [c.renews])));
  const out: ControlLapse[] = [];
  controls.forEach((c, index) => {
    if (c.kind === 'deduction' || !c.expiresOn || renewed.has(index)) return;
    const released = releasedOn(c);
    if (released && compareDates(released, asOf) <= 0) return;
    const daysLeft = daysBetween(asOf, c.expiresOn);
    out.push({ index, kind: c.kind, expiresOn: c.expiresOn, daysLeft, level: warningLevel(daysLeft) });
  });
  return out;
}

/** An asset record as the lapse warnings read it. */
export interface InquiryForWarnings {
  readonly _id: string;
  readonly caseId: string;
  readonly assetKind: AssetKind;
  readonly institution: string;
  readonly controls?: readonly AssetControl[];
}

/** One warning: a freeze or seizure lapsing within 30 days, or lapsed without renewal. */
export interface LapseWarning extends ControlLapse {
  readonly inquiryId: string;
  readonly caseId: string;
  readonly assetKind: AssetKind;
  readonly institution: string;
}

/** Every lapse warning of `records` on `asOf`, the most urgent first. */
export function lapseWarnings(records: readonly InquiryForWarnings[], asOf: PlainDate): LapseWarning[] {
  const out: LapseWarning[] = [];
  for (const r of records) {
    for (const lapse of openControls(r.controls ?? [], asOf)) {
      if (lapse.level === 'none') continue;
      out.push({
        ...lapse,
        inquiryId: r._id,
        caseId: r.caseId,
        assetKind: r.assetKind,
        institution: r.institution,
      });
    }
  }
  return out.sort(
    (a, b) =>
      a.daysLeft - b.daysLeft ||
      (a.inquiryId < b.inquiryId ? -1 : a.inquiryId > b.inquiryId ? 1 : a.index - b.index),
  );
}
