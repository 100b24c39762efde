import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../web/api';
import { ErrorSummary, Loading } from '../../web/ui';

/** A printable poster for the workshop's door: scan to take a number in the queue. */
export default function DoorPosterPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const poster = useQuery({
    queryKey: ['door-poster', id],
    queryFn: () =>
      api<{ name: string; url: string; qrSvg: string }>(`/api/workshops/${id}/door-poster`),
  });
  if (poster.isPending) return <Loading />;
  if (!poster.data) return <ErrorSummary error={poster.error} />;
  return (
    <div className="dl-poster">
      <h1>{t('workshop.posterTitle')}</h1>
      <p className="font-lead">{t('workshop.posterText', { name: poster.data.name })}</p>
      <img
        className="dl-poster-qr"
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(poster.data.qrSvg)}`}
        alt={t('workshop.posterAlt', { url: poster.data.url })}
        width={320}
        height={320}
      />
      <p className="dl-code-value">{poster.data.url}</p>
      <p className="dl-no-print">
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          {t('test.print')}
        </button>
      </p>
    </div>
  );
}
