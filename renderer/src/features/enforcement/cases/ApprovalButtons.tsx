import { Button, Flex, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { mayDecide, proposerOf, type Proposed } from '../../../../../core/enforcement/approvals';
import type { RecordApproval } from '../../../../../core/enforcement/approvals';

/** Props of {@link ApprovalButtons}. */
export interface ApprovalButtonsProps {
  /** The pending record: who proposed it decides whether this leader may decide it. */
  readonly record: Proposed;
  readonly user: string;
  readonly roles: readonly string[];
  readonly onDecide: (decision: RecordApproval['decision']) => void;
  /** `data-testid` of the approve button (the e2e tests click it). */
  readonly testId?: string;
  /** False where a rejection would leave nothing to propose again (a case's one closing record). */
  readonly canReject?: boolean;
}

/**
 * A leader's approve / reject buttons on a pending measure, listing or closing. Four eyes: the
 * leader who proposed the record sees why they cannot decide it instead (the server refuses it
 * too, sync-server/ddocs/courtdesk_enforcement).
 */
export function ApprovalButtons({
  record,
  user,
  roles,
  onDecide,
  testId,
  canReject = true,
}: ApprovalButtonsProps) {
  const { t } = useTranslation();
  if (!roles.includes('leader')) return null;
  if (!mayDecide(record, user))
    return (
      <Tooltip title={t('enforcement.common.fourEyes')}>
        <Tag data-testid="own-proposal">{t('enforcement.common.ownProposal')}</Tag>
      </Tooltip>
    );
  return (
    <Flex gap={4} align="center">
      <Tooltip title={t('enforcement.common.proposedBy', { user: proposerOf(record) ?? '' })}>
        <Button size="small" type="primary" data-testid={testId} onClick={() => onDecide('approved')}>
          {t('enforcement.common.approve')}
        </Button>
      </Tooltip>
      {canReject && (
        <Button size="small" danger onClick={() => onDecide('rejected')}>
          {t('enforcement.common.reject')}
        </Button>
      )}
    </Flex>
  );
}
