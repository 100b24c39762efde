import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSettingsForm } from './settings-form';
import { useTranslation } from 'react-i18next';
import { asEntered, call } from '../../web/api';
import { ErrorSummary, Field, fieldError, formatDateTime, formText, Loading } from '../../web/ui';
import type { LoginSettingsView } from '../../signin/signin.contract';

/** How the municipality's people log in: password, MitID (NemLog-in), single sign-on (OIDC). */
export function LoginSettings() {
  const { t } = useTranslation();
  const current = useQuery({
    queryKey: ['settings-login'],
    queryFn: () => call('GET /api/signin/settings'),
  });
  return (
    <section aria-labelledby="login-settings-title">
      <h2 id="login-settings-title">{t('settings.login.title')}</h2>
      <p>{t('settings.login.intro')}</p>
      <ErrorSummary error={current.error} />
      {current.data ? <LoginForm current={current.data} /> : <Loading />}
    </section>
  );
}

/** `gruppe = rolle, rolle` per line, as the admin writes the mapping. */
function parseGroups(text: string) {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [group = '', roles = ''] = l.split('=');
      return {
        group: group.trim(),
        roles: roles
          .split(',')
          .map((r) => r.trim())
          .filter(Boolean),
      };
    });
}

function LoginForm({ current }: { current: LoginSettingsView }) {
  const { t, i18n } = useTranslation();
  const queries = useQueryClient();
  const check = useMutation({
    mutationFn: (provider: 'mitid' | 'oidc') =>
      call('POST /api/signin/settings/check', { body: { provider } }),
    // A check fetches NemLog-in's metadata again: the status under its address follows.
    onSuccess: () => queries.invalidateQueries({ queryKey: ['settings-login'] }),
  });
  const { save, saved, onSubmit } = useSettingsForm(
    'settings-login',
    (form) => {
      const d = new FormData(form);
      const secret = formText(d, 'clientSecret');
      return call('PUT /api/signin/settings', {
        body: asEntered({
          passwordLogin: d.get('passwordLogin') === 'on',
          mitid: {
            enabled: d.get('mitidEnabled') === 'on',
            metadataUrl: formText(d, 'metadataUrl').trim() || null,
            metadataXml: formText(d, 'metadataXml').trim() || null,
          },
          oidc: {
            enabled: d.get('oidcEnabled') === 'on',
            issuer: formText(d, 'issuer').trim() || null,
            clientId: formText(d, 'clientId').trim() || null,
            // Empty keeps the saved secret.
            ...(secret ? { clientSecret: secret } : {}),
            domains: formText(d, 'domains')
              .split(/[\s,]+/)
              .filter(Boolean),
            groupsClaim: formText(d, 'groupsClaim').trim() || null,
            groupRoles: parseGroups(formText(d, 'groupRoles')),
          },
        }),
      });
    },
    () => check.reset(),
  );
  const err = (path: string) => fieldError(save.error, path);
  const checkbox = (name: string, label: string, checked: boolean) => (
    <div className="form-group-checkbox">
      <input
        id={`login-${name}`}
        type="checkbox"
        name={name}
        className="form-checkbox"
        defaultChecked={checked}
      />
      <label htmlFor={`login-${name}`}>{label}</label>
    </div>
  );
  const checkButton = (provider: 'mitid' | 'oidc') => (
    <button
      type="button"
      className="button button-secondary"
      disabled={check.isPending}
      onClick={() => check.mutate(provider)}
    >
      {t(`settings.login.check_${provider}`)}
    </button>
  );
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="dl-card dl-narrow"
      aria-labelledby="login-settings-title"
    >
      <ErrorSummary error={save.error ?? check.error} />
      {saved && (
        <p role="status" className="alert alert-success">
          {t('settings.login.saved')}
        </p>
      )}
      {check.data && (
        <p role="status" className={`alert ${check.data.ok ? 'alert-success' : 'alert-error'}`}>
          {t(check.data.ok ? 'settings.login.checkOk' : 'settings.login.checkFailed', {
            detail: check.data.detail,
          })}
        </p>
      )}
      <h3>{t('settings.login.passwordTitle')}</h3>
      {checkbox('passwordLogin', t('settings.login.passwordLogin'), current.passwordLogin)}

      <h3>{t('settings.login.mitidTitle')}</h3>
      {!current.mitid.certificates && (
        <p className="alert alert-warning">{t('settings.login.noCertificates')}</p>
      )}
      {checkbox('mitidEnabled', t('settings.login.mitidEnabled'), current.mitid.enabled)}
      <Field
        name="metadataUrl"
        label={t('settings.login.metadataUrl')}
        type="url"
        defaultValue={current.mitid.metadataUrl}
        error={err('mitid.metadataUrl')}
      />
      {current.mitid.metadataError ? (
        <p className="alert alert-warning">
          {t('settings.login.metadataFailed', { reason: current.mitid.metadataError })}
        </p>
      ) : (
        current.mitid.metadataUrl &&
        current.mitid.metadataFetchedAt && (
          <p className="form-hint">
            {t('settings.login.metadataFetched', {
              at: formatDateTime(current.mitid.metadataFetchedAt, i18n.language),
            })}
          </p>
        )
      )}
      <div className="form-group">
        <label className="form-label" htmlFor="login-metadataXml">
          {t('settings.login.metadataXml')}
        </label>
        <span className="form-hint" id="login-metadataXml-hint">
          {current.mitid.hasMetadata
            ? t('settings.login.metadataKept')
            : t('settings.login.metadataNone')}
        </span>
        <textarea
          id="login-metadataXml"
          name="metadataXml"
          className="form-input"
          rows={3}
          aria-describedby="login-metadataXml-hint"
        />
      </div>
      <p>
        {t('settings.login.ourMetadata')} <code>{current.mitid.spMetadataUrl}</code>
      </p>
      {current.mitid.hasMetadata && checkButton('mitid')}

      <h3>{t('settings.login.oidcTitle')}</h3>
      {checkbox('oidcEnabled', t('settings.login.oidcEnabled'), current.oidc.enabled)}
      <Field
        name="issuer"
        label={t('settings.login.issuer')}
        type="url"
        defaultValue={current.oidc.issuer}
        error={err('oidc.issuer')}
      />
      <Field
        name="clientId"
        label={t('settings.login.clientId')}
        autoComplete="off"
        defaultValue={current.oidc.clientId}
        error={err('oidc.clientId')}
      />
      <Field
        name="clientSecret"
        label={t('settings.login.clientSecret')}
        type="password"
        autoComplete="new-password"
        hint={
          current.oidc.hasSecret ? t('settings.login.secretKept') : t('settings.login.secretNone')
        }
        error={err('oidc.clientSecret')}
      />
      <Field
        name="domains"
        label={t('settings.login.domains')}
        hint={t('settings.login.domainsHint')}
        defaultValue={current.oidc.domains.join(', ')}
        error={err('oidc.domains')}
      />
      <Field
        name="groupsClaim"
        label={t('settings.login.groupsClaim')}
        defaultValue={current.oidc.groupsClaim}
        error={err('oidc.groupsClaim')}
      />
      <div className="form-group">
        <label className="form-label" htmlFor="login-groupRoles">
          {t('settings.login.groupRoles')}
        </label>
        <span className="form-hint" id="login-groupRoles-hint">
          {t('settings.login.groupRolesHint')}
        </span>
        <textarea
          id="login-groupRoles"
          name="groupRoles"
          className="form-input"
          rows={3}
          aria-describedby="login-groupRoles-hint"
          defaultValue={current.oidc.groupRoles
            .map((g) => `${g.group} = ${g.roles.join(', ')}`)
            .join('\n')}
        />
      </div>
      <p>
        {t('settings.login.redirectUri')} <code>{current.oidc.redirectUri}</code>
      </p>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {t('settings.login.save')}
        </button>
        {current.oidc.issuer && current.oidc.hasSecret && checkButton('oidc')}
      </div>
    </form>
  );
}
