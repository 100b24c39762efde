import { useMutation, useQuery } from '@tanstack/react-query';
import { useSettingsForm } from './settings-form';
import { useTranslation } from 'react-i18next';
import { asEntered, call } from '../../web/api';
import {
  ErrorSummary,
  Field,
  fieldError,
  formatDateTime,
  formText,
  HeadRow,
  Loading,
  PageTitle,
  TableWrap,
} from '../../web/ui';
import type { MailSettingsView } from '../settings.contract';
import { LoginSettings } from './LoginSettings';

const SECURITIES = ['starttls', 'tls', 'none'] as const;

/** The municipality's mail server, a test of it, and how messages have fared. */
export default function SettingsPage() {
  const { t } = useTranslation();
  const mail = useQuery({
    queryKey: ['settings-mail'],
    queryFn: () => call('GET /api/settings/mail'),
  });
  return (
    <>
      <PageTitle>{t('settings.title')}</PageTitle>
      <ErrorSummary error={mail.error} />
      {mail.data ? <MailForm current={mail.data} /> : <Loading />}
      <Delivery />
      <LoginSettings />
    </>
  );
}

function MailForm({ current }: { current: MailSettingsView }) {
  const { t } = useTranslation();
  const check = useMutation({ mutationFn: () => call('POST /api/settings/mail/check') });
  const { save, saved, onSubmit } = useSettingsForm(
    'settings-mail',
    (form) => {
      const d = new FormData(form);
      const password = formText(d, 'password');
      return call('PUT /api/settings/mail', {
        body: asEntered({
          enabled: d.get('enabled') === 'on',
          host: formText(d, 'host').trim(),
          port: Number(formText(d, 'port')),
          security: formText(d, 'security'),
          username: formText(d, 'username').trim() || null,
          // Empty keeps the saved password.
          ...(password ? { password } : {}),
          fromAddress: formText(d, 'fromAddress').trim(),
          fromName: formText(d, 'fromName').trim(),
        }),
      });
    },
    () => check.reset(),
  );
  const err = (path: string) => fieldError(save.error, path);
  return (
    <section aria-labelledby="mail-title">
      <h2 id="mail-title">{t('settings.mailTitle')}</h2>
      <p>{t('settings.mailIntro')}</p>
      <form
        onSubmit={onSubmit}
        noValidate
        className="dl-card dl-narrow"
        aria-labelledby="mail-title"
      >
        <ErrorSummary error={save.error} />
        {saved && (
          <p role="status" className="alert alert-success">
            {t('settings.saved')}
          </p>
        )}
        <div className="form-group-checkbox">
          <input
            id="mail-enabled"
            type="checkbox"
            name="enabled"
            className="form-checkbox"
            defaultChecked={current.enabled}
          />
          <label htmlFor="mail-enabled">{t('settings.enabled')}</label>
        </div>
        <Field
          name="host"
          label={t('settings.host')}
          required
          defaultValue={current.host}
          error={err('host')}
        />
        <Field
          name="port"
          label={t('settings.port')}
          type="number"
          inputMode="numeric"
          required
          defaultValue={String(current.port)}
          error={err('port')}
        />
        <div className="form-group">
          <label className="form-label" htmlFor="mail-security">
            {t('settings.security')}
          </label>
          <select
            id="mail-security"
            name="security"
            className="form-select"
            defaultValue={current.security}
          >
            {SECURITIES.map((s) => (
              <option key={s} value={s}>
                {t(`settings.securities.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <Field
          name="username"
          label={t('settings.username')}
          autoComplete="off"
          defaultValue={current.username}
          error={err('username')}
        />
        <Field
          name="password"
          label={t('settings.password')}
          type="password"
          autoComplete="new-password"
          hint={current.hasPassword ? t('settings.passwordKept') : t('settings.passwordNone')}
          error={err('password')}
        />
        <Field
          name="fromAddress"
          label={t('settings.fromAddress')}
          type="email"
          required
          defaultValue={current.fromAddress}
          error={err('fromAddress')}
        />
        <Field
          name="fromName"
          label={t('settings.fromName')}
          required
          defaultValue={current.fromName}
          error={err('fromName')}
        />
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {t('settings.save')}
          </button>
          {current.configured && (
            <button
              type="button"
              className="button button-secondary"
              disabled={check.isPending}
              onClick={() => check.mutate()}
            >
              {check.isPending ? t('settings.checking') : t('settings.check')}
            </button>
          )}
        </div>
        <ErrorSummary error={check.error} />
        <div aria-live="polite">
          {check.data && (
            <p className={`alert ${check.data.ok ? 'alert-success' : 'alert-error'}`}>
              {check.data.ok
                ? t('settings.checkOk')
                : t('settings.checkFailed', { reason: check.data.reason })}
            </p>
          )}
        </div>
      </form>
    </section>
  );
}

function Delivery() {
  const { t, i18n } = useTranslation();
  const q = useQuery({
    queryKey: ['settings-delivery'],
    queryFn: () => call('GET /api/settings/delivery'),
  });
  return (
    <section aria-labelledby="delivery-title">
      <h2 id="delivery-title">{t('settings.deliveryTitle')}</h2>
      <p>{t('settings.deliveryIntro')}</p>
      <ErrorSummary error={q.error} />
      {!q.data ? (
        <Loading />
      ) : q.data.kinds.length === 0 ? (
        <p>{t('settings.noMessages')}</p>
      ) : (
        <TableWrap label={t('settings.deliveryTitle')}>
          <table className="table table--compact">
            <caption className="sr-only">{t('settings.deliveryTitle')}</caption>
            <HeadRow
              columns={[
                t('settings.kind'),
                t('settings.channel'),
                t('settings.queued'),
                t('settings.sent'),
                t('settings.failed'),
                t('settings.lastError'),
              ]}
            />
            <tbody>
              {q.data.kinds.map((k) => (
                <tr key={`${k.kind}-${k.channel}`}>
                  <th scope="row">
                    {t(`settings.kinds.${k.kind}`, { defaultValue: k.kind.replaceAll('_', ' ') })}
                  </th>
                  <td>{t(`settings.channels.${k.channel}`)}</td>
                  <td>{k.queued}</td>
                  <td>{k.sent}</td>
                  <td>{k.failed}</td>
                  <td>
                    {k.lastError
                      ? `${k.lastError}${k.lastErrorAt ? ` (${formatDateTime(k.lastErrorAt, i18n.language)})` : ''}`
                      : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
