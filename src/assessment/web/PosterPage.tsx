import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../web/api';
import { ErrorSummary, Loading } from '../../web/ui';

/** A printable poster for a workshop: scan to start the test. */
export default function PosterPage() {
  const { t } = useTranslation();
  const poster = useQuery({
    queryKey: ['poster'],
    queryFn: () => api<{ url: string; qrSvg: string }>('/api/test-poster'),
  });
  if (poster.isPending) return <Loading />;
  if (!poster.data) return <ErrorSummary error={poster.error} />;
  return (
    <div className="dl-poster">
      <h1>{t('test.posterTitle')}</h1>
      <p className="font-lead">{t('test.posterText')}</p>
      <img
        className="dl-poster-qr"
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(poster.data.qrSvg)}`}
        alt={t('test.posterAlt', { url: poster.data.url })}
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
