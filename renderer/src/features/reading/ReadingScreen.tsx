import { Alert, Col, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../app/layout/PageHeader';
import type { FeatureScreenProps } from '../../app/screens/featureScreen';
import { AccessLog } from './clerk/AccessLog';
import { AdmitVisitForm } from './clerk/AdmitVisitForm';
import { VisitTable } from './clerk/VisitTable';
import { useVisitRows } from './model/readingVisits';

/**
 * 阅卷管理 (docs/file-reading.md): the clerk admits a party or agent to one case's volumes on the
 * reading PC, sees and closes the open visits, and prints a case file's access log.
 */
export default function ReadingScreen({ moduleKey }: FeatureScreenProps) {
  const { t } = useTranslation();
  const rows = useVisitRows() ?? [];
  const [logCase, setLogCase] = useState<string | null>(null);
  return (
    <div className="cd-screen" data-testid={`screen-${moduleKey}`}>
      <PageHeader moduleKey={moduleKey} />
      <Alert type="info" showIcon title={t('reading.intro')} style={{ marginBottom: 16 }} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={8}>
          <AdmitVisitForm visits={rows} />
        </Col>
        <Col xs={24} xxl={16}>
          <VisitTable rows={rows} onShowLog={setLogCase} />
        </Col>
      </Row>
      <AccessLog
        rows={logCase ? rows.filter((r) => r.caseId === logCase) : null}
        onClose={() => setLogCase(null)}
      />
    </div>
  );
}
