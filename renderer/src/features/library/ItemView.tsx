import { CopyOutlined, EditOutlined, LinkOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Descriptions, Space, Tag, Typography } from 'antd';
import { Fragment, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryArticle, LibraryItem } from '../../../../core/library/schema';
import { hrefWith } from '../../app/router';

/** Props of {@link ItemView}. */
export interface ItemViewProps {
  readonly item: LibraryItem;
  /** The article the route names: scrolled to and marked. */
  readonly articleId: string | null;
  /** Shown to admins. */
  readonly onEdit?: (() => void) | undefined;
}

/** The DOM id of an article's block (also the scroll target). */
export function articleAnchor(id: string): string {
  return `article-${id.replace(/[^a-zA-Z0-9-]/gu, '-')}`;
}

/** The headings printed before `a`: those whose path differs from the previous article's. */
function newHeadings(a: LibraryArticle, prev: LibraryArticle | undefined) {
  const path = (x: LibraryArticle | undefined, i: number) =>
    (x?.headings.slice(0, i + 1) ?? []).map((h) => h.label).join('/');
  return a.headings.filter((_, i) => path(a, i) !== path(prev, i));
}

function ArticleBlock({
  item,
  article,
  selected,
}: {
  item: LibraryItem;
  article: LibraryArticle;
  selected: boolean;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  async function copy() {
    try {
      await navigator.clipboard.writeText(article.citation);
      void message.success(t('library.copied', { citation: article.citation }));
    } catch {
      void message.error(t('library.copyFailed'));
    }
  }
  return (
    <div
      id={articleAnchor(article.id)}
      className={`cd-article${selected ? ' cd-article--selected' : ''}`}
      data-testid="library-article"
      data-article-id={article.id}
      data-selected={selected ? 'true' : undefined}
    >
      <div className="cd-article__head">
        <Typography.Text strong>{article.label}</Typography.Text>
        <Space size={0}>
          <Button
            size="small"
            type="link"
            icon={<CopyOutlined />}
            onClick={() => void copy()}
            data-testid="article-copy"
          >
            {t('library.copyCitation')}
          </Button>
          <Button
            size="small"
            type="link"
            icon={<LinkOutlined />}
            href={hrefWith('library', { item: item.id, article: article.id })}
            data-testid="article-link"
          >
            {t('library.link')}
          </Button>
        </Space>
      </div>
      {article.paragraphs.map((p, i) => (
        <Typography.Paragraph key={i} className="cd-article__para">
          {p}
        </Typography.Paragraph>
      ))}
    </div>
  );
}

/** One library item: its source, then its headings (编/章/节) and articles, each linkable and citable. */
export function ItemView({ item, articleId, onEdit }: ItemViewProps) {
  const { t } = useTranslation();
  useEffect(() => {
    if (articleId) document.getElementById(articleAnchor(articleId))?.scrollIntoView({ block: 'center' });
  }, [articleId, item.id]);
  const s = item.source;
  return (
    <article data-testid="library-item" data-item-id={item.id}>
      <div className="cd-library__title-row">
        <Typography.Title level={4} className="cd-library__title">
          {item.title}
        </Typography.Title>
        <Space>
          <Tag>{item.category}</Tag>
          {onEdit && (
            <Button icon={<EditOutlined />} onClick={onEdit} data-testid="library-edit">
              {t('library.edit')}
            </Button>
          )}
        </Space>
      </div>
      <Descriptions size="small" column={2} className="cd-library__source">
        <Descriptions.Item label={t('library.source.law')} span={2}>
          {t('library.source.lawTitle', { title: item.lawTitle })}
        </Descriptions.Item>
        <Descriptions.Item label={t('library.source.issuer')}>{s.issuer}</Descriptions.Item>
        <Descriptions.Item label={t('library.source.effective')}>{s.effective}</Descriptions.Item>
        {s.document && (
          <Descriptions.Item label={t('library.source.document')} span={2}>
            {s.document}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('library.source.version')} span={2}>
          {s.version}
        </Descriptions.Item>
      </Descriptions>
      {item.articles.map((a, i) => (
        <Fragment key={a.id}>
          {newHeadings(a, item.articles[i - 1]).map((h) => (
            <Typography.Title
              key={`${a.id}-${h.label}`}
              level={5}
              className={`cd-heading cd-heading--${h.level}`}
              data-testid="library-heading"
            >
              {h.label} {h.title}
            </Typography.Title>
          ))}
          <ArticleBlock item={item} article={a} selected={a.id === articleId} />
        </Fragment>
      ))}
    </article>
  );
}
