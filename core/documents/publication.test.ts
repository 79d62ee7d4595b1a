import { describe, expect, it } from 'vitest';
import { publicationDecision, type PublicationInput } from './publication';

function decide(input: PublicationInput): [boolean, string[], string[]] {
  const d = publicationDecision(input);
  return [d.publishable, d.reasons.map((r) => r.code), d.exceptions.map((r) => r.code)];
}

describe('publicationDecision (法释〔2016〕19号)', () => {
  it('publishes an ordinary civil judgment and a criminal ruling', () => {
    expect(
      decide({ caseType: '民初', cause: '民间借贷纠纷', documentKind: 'judgment', closing: 'judgment' }),
    ).toEqual([true, [], []]);
    expect(decide({ caseType: '刑初', cause: '盗窃罪', documentKind: 'ruling' })).toEqual([true, [], []]);
    expect(decide({ caseType: '民督', cause: '申请支付令', documentKind: 'paymentOrder' })).toEqual([
      true,
      [],
      [],
    ]);
  });

  it('refuses state secrets, crimes by minors, divorce and the custody of minor children', () => {
    expect(
      decide({ caseType: '刑初', cause: '故意伤害罪', documentKind: 'judgment', stateSecret: true }),
    ).toEqual([false, ['stateSecret'], []]);
    expect(
      decide({ caseType: '刑初', cause: '故意伤害罪', documentKind: 'judgment', minorOffender: true }),
    ).toEqual([false, ['minorOffender'], []]);
    expect(decide({ caseType: '民初', cause: '离婚纠纷', documentKind: 'judgment' })).toEqual([
      false,
      ['divorce'],
      [],
    ]);
    expect(
      decide({ caseType: '民初', cause: '离婚纠纷', documentKind: 'judgment', minorChildren: true }),
    ).toEqual([false, ['divorce', 'minorChildren'], []]);
    expect(decide({ caseType: '民初', cause: '抚养费纠纷', documentKind: 'judgment' })).toEqual([
      false,
      ['minorChildren'],
      [],
    ]);
  });

  it('refuses mediation and mediation-agreement confirmations unless the public interest requires it', () => {
    expect(
      decide({ caseType: '民初', cause: '买卖合同纠纷', documentKind: 'mediation', closing: 'mediation' }),
    ).toEqual([false, ['mediation'], []]);
    expect(decide({ caseType: '民特', cause: '申请确认人民调解协议效力', documentKind: 'ruling' })).toEqual([
      false,
      ['mediationAgreement'],
      [],
    ]);
    expect(
      decide({ caseType: '民初', cause: '买卖合同纠纷', documentKind: 'mediation', publicInterest: true }),
    ).toEqual([true, [], ['publicInterestOverride']]);
  });

  it('publishes administrative and public-interest mediation statements (第三条第（九）项)', () => {
    expect(decide({ caseType: '行初', cause: '行政补偿', documentKind: 'mediation' })).toEqual([
      true,
      [],
      ['publishedMediationKind'],
    ]);
    expect(
      decide({
        caseType: '民初',
        cause: '生态环境损害赔偿纠纷',
        documentKind: 'mediation',
        publicInterestLitigation: true,
      }),
    ).toEqual([true, [], ['publishedMediationKind']]);
  });

  it('refuses what the court rules unsuitable, with its reason in the message', () => {
    const d = publicationDecision({
      caseType: '民初',
      cause: '名誉权纠纷',
      documentKind: 'judgment',
      unsuitable: { reason: '涉及个人隐私' },
    });
    expect(d.publishable).toBe(false);
    expect(d.reasons).toEqual([
      {
        code: 'courtDecision',
        article: '第四条第（五）项',
        message: '本院认为不宜在互联网公布：涉及个人隐私',
        messageEn: 'the court ruled it unsuitable for publication: 涉及个人隐私',
      },
    ]);
    expect(
      publicationDecision({ caseType: '民初', documentKind: 'judgment', unsuitable: { reason: ' ' } })
        .reasons[0]?.message,
    ).toBe('本院认为不宜在互联网公布：（未写明理由，请补充）');
  });

  it('denies by default: unknown case types and documents that are not decisions', () => {
    expect(decide({ caseType: '民X', documentKind: 'judgment' })).toEqual([false, ['unknownCaseType'], []]);
    expect(decide({ caseType: '民初', documentKind: 'summons' })).toEqual([false, ['notPublishedKind'], []]);
    expect(decide({ caseType: '民初', documentKind: 'other' })).toEqual([false, ['notPublishedKind'], []]);
  });

  it('gives every reason that applies, each with its provision', () => {
    const d = publicationDecision({
      caseType: '民初',
      cause: '离婚纠纷',
      documentKind: 'mediation',
      stateSecret: true,
    });
    expect(d.reasons.map((r) => [r.code, r.article])).toEqual([
      ['stateSecret', '第四条第（一）项'],
      ['mediation', '第四条第（三）项'],
      ['divorce', '第四条第（四）项'],
    ]);
  });
});
