import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../web/api';
import { ErrorSummary, Loading } from '../../web/ui';
import { QrPoster } from '../../web/QrPoster';

/** A printable poster for the workshop's door: scan to take a number in the queue. */
export default function DoorPosterPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const poster = useQuery({
    queryKey: ['door-poster', id],
    queryFn: () => call('GET /api/workshops/:id/door-poster', { params: { id } }),
  });
  if (poster.isPending) return <Loading />;
  if (!poster.data) return <ErrorSummary error={poster.error} />;
  return (
    <QrPoster
      title={t('workshop.posterTitle')}
      text={t('workshop.posterText', { name: poster.data.name })}
      url={poster.data.url}
      qrSvg={poster.data.qrSvg}
      alt={t('workshop.posterAlt', { url: poster.data.url })}
    />
  );
}
