/** The court this installation serves by default (demo data and case numbers). */
export const DEFAULT_COURT = {
  /** 法院代字 used in case numbers: 甘0402 = 白银市白银区人民法院. */
  code: '甘0402',
  name: '白银市白银区人民法院',
  nameEn: 'Baiyin District People’s Court, Baiyin, Gansu',
} as const;
