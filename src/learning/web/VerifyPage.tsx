import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import type { VerifyView } from '../learning.contract';
import { call } from '../../web/api';
import { ErrorSummary, PageTitle, formatDateTime } from '../../web/ui';

type Result = z.infer<typeof VerifyView>;

/** Public: anyone checks a badge a citizen shared (pasted, a file, or the certificate's QR link). */
export default function VerifyPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const [text, setText] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function check(credential: string) {
    setError(null);
    setResult(null);
    try {
      setResult(await call('POST /api/badges/verify', { body: { credential } }));
    } catch (err) {
      setError(err);
    }
  }

  // From a certificate's QR code: fetch the badge by its id and check it at once.
  const id = params.get('id');
  useEffect(() => {
    if (!id) return;
    call('GET /api/badges/:id', { params: { id: encodeURIComponent(id) } }).then((b) => {
      setText(b.credential);
      return check(b.credential);
    }, setError);
  }, [id]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void check(text);
  };

  return (
    <div className="dl-narrow">
      <PageTitle>{t('verify.title')}</PageTitle>
      <p>{t('verify.intro')}</p>
      <ErrorSummary error={error} />
      <form noValidate onSubmit={submit}>
        <div className="form-group">
          <label className="form-label" htmlFor="badge-text">
            {t('verify.paste')}
          </label>
          <textarea
            id="badge-text"
            className="form-input"
            rows={5}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="badge-file">
            {t('verify.file')}
          </label>
          <input
            id="badge-file"
            type="file"
            className="form-file-input"
            accept=".jwt,.txt,application/jwt,text/plain"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void file.text().then((s) => setText(s.trim()));
            }}
          />
        </div>
        <button type="submit" className="button button-primary">
          {t('verify.check')}
        </button>
      </form>
      {result && (
        <div className={`alert ${result.valid ? 'alert-success' : 'alert-error'}`} role="status">
          <div className="alert-body">
            <p className="alert-heading">
              {result.valid
                ? t('verify.valid')
                : result.revoked
                  ? t('verify.revokedTitle')
                  : t('verify.invalid')}
            </p>
            <p className="alert-text">{t(`verify.reasons.${result.reason}`)}</p>
            {result.badge && (
              <>
                <p className="alert-text">
                  <strong>{result.badge.name}</strong>
                </p>
                <p className="alert-text">{result.badge.description}</p>
                <p className="alert-text">
                  {t('verify.issuedBy', {
                    issuer: result.badge.issuer,
                    date: formatDateTime(result.badge.issuedAt, i18n.language),
                  })}
                </p>
                {result.badge.alignments.length > 0 && (
                  <p className="alert-text">
                    DigComp 2.2:{' '}
                    {result.badge.alignments.map((a) => `${a.code} ${a.name}`).join(' · ')}
                  </p>
                )}
              </>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
