import { Card, Checkbox, DatePicker, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  SEARCH_KINDS,
  type SearchHit,
  type SearchKind,
  type SearchOptions,
} from '../../../../core/search/searchIndex';
import { PageHeader } from '../../app/layout/PageHeader';
import { navigate, useHashQuery } from '../../app/router';
import type { FeatureScreenProps } from '../../app/screens/featureScreen';
import { useSearch, useSearchStatus } from '../../db/searchHooks';
import { Highlighted } from './Highlighted';
import { hitHref } from './hitRoute';
import './search.css';

const KIND_COLOR: Record<SearchKind, string> = {
  library: 'gold',
  forum: 'blue',
  notice: 'volcano',
  case: 'green',
  archive: 'purple',
};

function parseKinds(v: string | null): SearchKind[] {
  return (v ?? '').split(',').filter((k): k is SearchKind => (SEARCH_KINDS as readonly string[]).includes(k));
}

function HitRow({ hit }: { readonly hit: SearchHit }) {
  const { t } = useTranslation();
  return (
    <List.Item data-testid="search-hit" data-hit-id={hit.id} data-kind={hit.kind}>
      <div className="cd-hit">
        <Space size={8} wrap>
          <Tag color={KIND_COLOR[hit.kind]}>{t(`search.kind.${hit.kind}`)}</Tag>
          <a href={hitHref(hit.id, hit.kind)} className="cd-hit__title" data-testid="search-hit-link">
            <Highlighted text={hit.title} ranges={hit.titleRanges} />
          </a>
          {hit.date && <Typography.Text type="secondary">{hit.date}</Typography.Text>}
        </Space>
        {hit.snippet.text && (
          <div className="cd-hit__snippet">
            {hit.snippet.cutBefore && '…'}
            <Highlighted text={hit.snippet.text} ranges={hit.snippet.ranges} />
            {hit.snippet.cutAfter && '…'}
          </div>
        )}
      </div>
    </List.Item>
  );
}

/**
 * Search results (Ctrl+K, then Enter): library articles, forum posts, notices and case titles
 * from this computer's index, title and article-heading hits first, with highlighted snippets;
 * filters by kind and date live in the route (`?q=…&kind=library,forum&from=…&to=…`).
 */
export default function SearchScreen(_props: FeatureScreenProps) {
  const { t } = useTranslation();
  const params = useHashQuery();
  const q = params.get('q') ?? '';
  const kinds = parseKinds(params.get('kind'));
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const options: SearchOptions = {
    limit: 100,
    ...(kinds.length > 0 ? { kinds } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  const status = useSearchStatus();
  const result = useSearch(q, options);

  function update(change: Record<string, string | undefined>) {
    const next: Record<string, string> = { q };
    for (const [k, v] of Object.entries({ kind: kinds.join(','), from, to, ...change })) if (v) next[k] = v;
    navigate('search', next);
  }

  return (
    <div className="cd-screen" data-testid="screen-search">
      <PageHeader moduleKey="search" />
      <Card variant="borderless">
        <Space wrap size={24} className="cd-search__filters">
          <Checkbox.Group
            value={kinds}
            onChange={(v) => update({ kind: (v as string[]).join(',') })}
            options={SEARCH_KINDS.map((k) => ({ value: k, label: t(`search.kind.${k}`) }))}
            data-testid="search-kinds"
          />
          <DatePicker.RangePicker
            value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
            allowEmpty={[true, true]}
            onChange={(range) =>
              update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
            }
            data-testid="search-dates"
          />
        </Space>
        {q.trim() === '' ? (
          <Empty description={t('search.prompt')} />
        ) : status.state !== 'ready' ? (
          <Spin description={t('search.preparing')} data-testid="search-preparing" />
        ) : result && result.total > 0 ? (
          <>
            <Typography.Text type="secondary" data-testid="search-total">
              {t('search.total', { count: result.total, shown: result.hits.length, q })}
            </Typography.Text>
            <List dataSource={[...result.hits]} rowKey={(h) => h.id} renderItem={(h) => <HitRow hit={h} />} />
          </>
        ) : (
          <Empty description={t('search.none', { q })} data-testid="search-empty" />
        )}
      </Card>
    </div>
  );
}
