import { useTranslation } from 'react-i18next';
import { guideFor, type GuideKey } from './guides';

/** One guide (resources/kiosk/guides.*.json) in large type. */
export function GuideView({ guideKey }: { guideKey: GuideKey }) {
  const { i18n } = useTranslation();
  const guide = guideFor(guideKey, i18n.language);
  return (
    <article className="cd-kiosk__guide" data-testid={`kiosk-guide-${guideKey}`}>
      <h1>{guide.title}</h1>
      <p>{guide.intro}</p>
      {guide.sections.map((s) => (
        <section key={s.heading}>
          <h2>{s.heading}</h2>
          <ul>
            {s.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </section>
      ))}
    </article>
  );
}
