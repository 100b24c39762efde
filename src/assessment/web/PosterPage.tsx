import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../web/api';
import { ErrorSummary, Loading } from '../../web/ui';
import { QrPoster } from '../../web/QrPoster';

/** A printable poster for a workshop: scan to start the test. */
export default function PosterPage() {
  const { t } = useTranslation();
  const poster = useQuery({
    queryKey: ['poster'],
    queryFn: () => call('GET /api/test-poster'),
  });
  if (poster.isPending) return <Loading />;
  if (!poster.data) return <ErrorSummary error={poster.error} />;
  return (
    <QrPoster
      title={t('test.posterTitle')}
      text={t('test.posterText')}
      url={poster.data.url}
      qrSvg={poster.data.qrSvg}
      alt={t('test.posterAlt', { url: poster.data.url })}
    />
  );
}
