import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from './ui';

export function AccessibilityPage() {
  const { t } = useTranslation();
  return (
    <div className="dl-narrow">
      <PageTitle>{t('a11y.title')}</PageTitle>
      <p>{t('a11y.body1')}</p>
      <p>{t('a11y.body2')}</p>
      <p>{t('a11y.pdf')}</p>
      <p>{t('a11y.body3')}</p>
    </div>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="dl-narrow">
      <PageTitle>{t('common.notFound')}</PageTitle>
      <p>{t('common.notFoundText')}</p>
      <Link to="/">{t('nav.home')}</Link>
    </div>
  );
}
