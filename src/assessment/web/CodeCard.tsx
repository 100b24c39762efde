import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../web/ui';
import type { CodeView } from '../assessment.contract';

export type IssuedCode = CodeView;

export function CodeCard({ code }: { code: IssuedCode }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="dl-code" role="status">
      <p>{t('test.codeIntro')}</p>
      <p className="dl-code-value">{code.code}</p>
      <img
        className="dl-qr"
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(code.qrSvg)}`}
        alt={t('test.qrAlt', { code: code.code })}
        width={160}
        height={160}
      />
      <p className="dl-meta">
        {t('test.expires', { date: formatDateTime(code.expiresAt, i18n.language) })}
      </p>
    </div>
  );
}
