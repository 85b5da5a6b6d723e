// Production: reports immutable for two years, zone-redundant storage under a delete lock, a year of
// access logs, sign-in with app roles on every route, and storage and Key Vault on private endpoints
// only (main.bicep, the parameters marked "by profile").
//   export AZURE_ENV_NAME=compliance-prod AZURE_LOCATION=swedencentral REPORT_ORGANISATION='Example Oy'
//   az deployment sub create --location "$AZURE_LOCATION" --parameters infra/env/prod.bicepparam
using '../main.bicep'

param profile = 'prod'

// The rest is the same in main.bicepparam, env/dev.bicepparam and env/prod.bicepparam (written out
// in each: `extends` needs Bicep 0.44.1, newer than the CLI azd or az may bring): what the deployer
// supplies, read from environment variables, the names azd keeps in .azure/<environment>/.env
// (`azd env set NAME VALUE`) or exported in the shell for `az deployment sub create`.

// Required: building the parameters fails, naming the variable, when one is missing.
param environmentName = readEnvironmentVariable('AZURE_ENV_NAME')
param location = readEnvironmentVariable('AZURE_LOCATION')
param reportOrganisation = readEnvironmentVariable('REPORT_ORGANISATION')

// Optional.
param reportInstance = readEnvironmentVariable('REPORT_INSTANCE', '')
param reportTimeZone = readEnvironmentVariable('REPORT_TIME_ZONE', 'UTC')
param signingCertificateName = readEnvironmentVariable('SIGNING_CERTIFICATE_NAME', 'report-signing')
param reportRetentionLocked = bool(readEnvironmentVariable('REPORT_RETENTION_LOCKED', 'false'))
param reportRecipients = readEnvironmentVariable('REPORT_RECIPIENTS', '')
param alertRecipients = readEnvironmentVariable('ALERT_RECIPIENTS', '')
param alertWebhookUrl = readEnvironmentVariable('ALERT_WEBHOOK_URL', '')
param alertWebhookSecretName = readEnvironmentVariable('ALERT_WEBHOOK_SECRET_NAME', '')
param smtpHost = readEnvironmentVariable('SMTP_HOST', '')
param smtpUserName = readEnvironmentVariable('SMTP_USER_NAME', '')
param smtpPasswordSecretName = readEnvironmentVariable('SMTP_PASSWORD_SECRET_NAME', '')
param smtpFrom = readEnvironmentVariable('SMTP_FROM', '')

param deployerPrincipalId = readEnvironmentVariable('AZURE_PRINCIPAL_ID', '')
param deployerPrincipalType = readEnvironmentVariable('AZURE_PRINCIPAL_TYPE', 'User')
param producerPrincipalId = readEnvironmentVariable('PRODUCER_PRINCIPAL_ID', '')
param producerIngestPath = readEnvironmentVariable('PRODUCER_INGEST_PATH', 'producers/privx')
param reportReaderPrincipalId = readEnvironmentVariable('REPORT_READER_PRINCIPAL_ID', '')
param auditorPrincipalId = readEnvironmentVariable('AUDITOR_PRINCIPAL_ID', '')
param reviewerPrincipalId = readEnvironmentVariable('REVIEWER_PRINCIPAL_ID', '')

param enableEntraAuth = bool(readEnvironmentVariable('ENTRA_AUTH_ENABLED', 'true'))
param entraClientId = readEnvironmentVariable('ENTRA_CLIENT_ID', '')
param authExcludedPaths = json(readEnvironmentVariable('AUTH_EXCLUDED_PATHS', '[]'))
param functionKeyRoles = json(readEnvironmentVariable('FUNCTION_KEY_ROLES', '[]'))

param networkIsolation = bool(readEnvironmentVariable('NETWORK_ISOLATION', 'true'))
