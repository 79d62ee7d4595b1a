/**
 * Whether a document may be published on the internet (裁判文书公开) under 《最高人民法院关于人民法院
 * 在互联网公布裁判文书的规定》 (法释〔2016〕19号). 第三条 lists the documents that are published
 * (judgments; criminal, civil, administrative and enforcement rulings; payment orders; certain
 * decisions; administrative mediation statements and those of civil public-interest suits); 第四条
 * the exceptions: state secrets, crimes by minors, cases closed by mediation or confirming a
 * mediation agreement (unless needed to protect the public interest), divorce and the upbringing or
 * guardianship of minor children, and others the court rules unsuitable. Deny by default: an
 * unknown case type or document kind is not published.
 */
import type { Disposition } from '../domain/processEvents';
import { caseTypeByCode } from '../domain/courtReference';

/** Kinds of court documents, as far as publication is concerned. */
export type PublicationDocumentKind =
  | 'judgment'
  | 'ruling'
  | 'mediation'
  | 'paymentOrder'
  | 'decision'
  | 'summons'
  | 'serviceReceipt'
  | 'announcement'
  | 'other';

/** What {@link publicationDecision} needs, from the case record and the clerk. */
export interface PublicationInput {
  /** 类型代字 of the case (民初, 刑初, 行初 …). */
  readonly caseType: string;
  /** 案由, as in resources/reference/causes.json. */
  readonly cause?: string | null;
  readonly documentKind: PublicationDocumentKind;
  /** How the case was closed. */
  readonly closing?: Disposition | null;
  readonly stateSecret?: boolean;
  /** A defendant was under 18 when the crime was committed (see `isMinorOn` in record.ts). */
  readonly minorOffender?: boolean;
  /** The case concerns the upbringing or guardianship of minor children (beyond what the cause says). */
  readonly minorChildren?: boolean;
  /** Confirms the validity of a people's mediation agreement (beyond what the cause says). */
  readonly confirmsMediationAgreement?: boolean;
  /** A civil public-interest suit (民事公益诉讼): its mediation statement is published (第三条第（九）项). */
  readonly publicInterestLitigation?: boolean;
  /** The court found publication necessary to protect the state, the public or others (第四条第（三）项). */
  readonly publicInterest?: boolean;
  /** The court ruled publication unsuitable (第四条第（五）项), with its reason. */
  readonly unsuitable?: { readonly reason: string } | null;
}

/** Why a document is not published, or which exception applied. */
export type PublicationReasonCode =
  | 'unknownCaseType'
  | 'notPublishedKind'
  | 'stateSecret'
  | 'minorOffender'
  | 'mediation'
  | 'mediationAgreement'
  | 'divorce'
  | 'minorChildren'
  | 'courtDecision'
  | 'publicInterestOverride'
  | 'publishedMediationKind';

/** One reason with the provision it rests on and a bilingual message. */
export interface PublicationReason {
  readonly code: PublicationReasonCode;
  /** The provision of 法释〔2016〕19号, e.g. 第四条第（三）项. */
  readonly article: string;
  readonly message: string;
  readonly messageEn: string;
}

/** The decision: `reasons` say why not (empty when publishable); `exceptions` which rule let it through. */
export interface PublicationDecision {
  readonly publishable: boolean;
  readonly reasons: readonly PublicationReason[];
  readonly exceptions: readonly PublicationReason[];
}

/** Causes about the upbringing or guardianship of minor children (第四条第（四）项). */
export const MINOR_CHILDREN_CAUSES: readonly string[] = [
  '抚养纠纷',
  '抚养费纠纷',
  '变更抚养关系纠纷',
  '监护权纠纷',
  '探望权纠纷',
  '申请撤销监护人资格',
  '申请恢复监护人资格',
  '申请变更监护人',
  '申请指定监护人',
];
const DIVORCE_CAUSES: readonly string[] = ['离婚纠纷'];
const MEDIATION_AGREEMENT_CAUSES: readonly string[] = ['申请确认人民调解协议效力'];
const PUBLISHED_KINDS: readonly PublicationDocumentKind[] = [
  'judgment',
  'ruling',
  'mediation',
  'paymentOrder',
  'decision',
];

function reason(
  code: PublicationReasonCode,
  article: string,
  message: string,
  messageEn: string,
): PublicationReason {
  return { code, article, message, messageEn };
}

/** Decides whether a document may be published, with every reason that applies. */
export function publicationDecision(input: PublicationInput): PublicationDecision {
  const reasons: PublicationReason[] = [];
  const exceptions: PublicationReason[] = [];
  const type = caseTypeByCode(input.caseType);
  const cause = input.cause?.trim() ?? '';
  if (!type)
    reasons.push(
      reason(
        'unknownCaseType',
        '第三条',
        `未知的案件类型“${input.caseType}”，不予公布`,
        `unknown case type ${input.caseType}: not published`,
      ),
    );
  if (!PUBLISHED_KINDS.includes(input.documentKind))
    reasons.push(
      reason(
        'notPublishedKind',
        '第三条',
        '该文书不属于应当在互联网公布的裁判文书',
        'this kind of document is not among the decisions published online',
      ),
    );
  if (input.stateSecret)
    reasons.push(reason('stateSecret', '第四条第（一）项', '涉及国家秘密', 'it involves state secrets'));
  if (input.minorOffender)
    reasons.push(
      reason('minorOffender', '第四条第（二）项', '未成年人犯罪案件', 'a crime committed by a minor'),
    );
  const agreement = input.confirmsMediationAgreement === true || MEDIATION_AGREEMENT_CAUSES.includes(cause);
  const mediated = input.documentKind === 'mediation' || input.closing === 'mediation';
  const publishedMediation =
    input.documentKind === 'mediation' &&
    (type?.family === 'administrative' || input.publicInterestLitigation === true);
  if (publishedMediation) {
    exceptions.push(
      reason(
        'publishedMediationKind',
        '第三条第（九）项',
        '行政调解书、民事公益诉讼调解书应当公布',
        'administrative and civil public-interest mediation statements are published',
      ),
    );
  } else if (mediated || agreement) {
    const [code, zh, en] = agreement
      ? ([
          'mediationAgreement',
          '确认人民调解协议效力的案件',
          'it confirms a people’s mediation agreement',
        ] as const)
      : (['mediation', '以调解方式结案的案件', 'the case was closed by mediation'] as const);
    if (input.publicInterest)
      exceptions.push(
        reason(
          'publicInterestOverride',
          '第四条第（三）项',
          `${zh}，但为保护国家利益、社会公共利益、他人合法权益确有必要公开`,
          `${en}, but publication is necessary to protect the state, the public or others`,
        ),
      );
    else reasons.push(reason(code, '第四条第（三）项', zh, en));
  }
  if (DIVORCE_CAUSES.includes(cause))
    reasons.push(reason('divorce', '第四条第（四）项', '离婚诉讼', 'a divorce suit'));
  if (input.minorChildren || MINOR_CHILDREN_CAUSES.includes(cause))
    reasons.push(
      reason(
        'minorChildren',
        '第四条第（四）项',
        '涉及未成年子女抚养、监护',
        'it concerns the upbringing or guardianship of minor children',
      ),
    );
  if (input.unsuitable) {
    const why = input.unsuitable.reason.trim();
    reasons.push(
      reason(
        'courtDecision',
        '第四条第（五）项',
        `本院认为不宜在互联网公布：${why.length > 0 ? why : '（未写明理由，请补充）'}`,
        `the court ruled it unsuitable for publication: ${why.length > 0 ? why : '(no reason given; please add one)'}`,
      ),
    );
  }
  return { publishable: reasons.length === 0, reasons, exceptions };
}
