import { useTranslation } from 'react-i18next';

/** A printable A4 poster with a QR code (the test's start page, a workshop's check-in). */
export function QrPoster(p: {
  title: string;
  text: string;
  url: string;
  qrSvg: string;
  alt: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="dl-poster">
      <h1>{p.title}</h1>
      <p className="font-lead">{p.text}</p>
      <img
        className="dl-poster-qr"
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(p.qrSvg)}`}
        alt={p.alt}
        width={320}
        height={320}
      />
      <p className="dl-code-value">{p.url}</p>
      <p className="dl-no-print">
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          {t('test.print')}
        </button>
      </p>
    </div>
  );
}
