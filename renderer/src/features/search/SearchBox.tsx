import { SearchOutlined } from '@ant-design/icons';
import { Input, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, useHashQuery, useRoute } from '../../app/router';
import './search.css';

/** True for the Ctrl+K (⌘K on a Mac) shortcut. */
export function isSearchShortcut(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k';
}

/** The top bar's search box, on every screen: Ctrl+K focuses it, Enter opens the results page. */
export function SearchBox() {
  const { t } = useTranslation();
  const route = useRoute();
  const query = useHashQuery();
  const onResults = route.kind === 'module' && route.key === 'search';
  const routeQ = onResults ? (query.get('q') ?? '') : '';
  const [value, setValue] = useState(routeQ);
  const [shownQ, setShownQ] = useState(routeQ);
  const ref = useRef<InputRef>(null);
  if (shownQ !== routeQ) {
    // The route's words changed (Back, a link): show them.
    setShownQ(routeQ);
    setValue(routeQ);
  }
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isSearchShortcut(e)) return;
      e.preventDefault();
      ref.current?.focus({ cursor: 'all' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  function submit() {
    const q = value.trim();
    if (q === '') return;
    const params: Record<string, string> = { q };
    // Keep the filters chosen on the results page while refining the words.
    if (onResults)
      for (const k of ['kind', 'from', 'to']) if (query.get(k)) params[k] = query.get(k) as string;
    navigate('search', params);
  }

  return (
    <Input
      ref={ref}
      className="cd-header__search"
      allowClear
      prefix={<SearchOutlined />}
      suffix={<kbd className="cd-kbd">Ctrl K</kbd>}
      placeholder={t('search.placeholder')}
      aria-label={t('search.aria')}
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onPressEnter={submit}
      data-testid="search-box"
    />
  );
}
