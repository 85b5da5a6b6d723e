// ComplianceReports on Azure: a Functions app on the Flex Consumption plan, the storage account of
// its event store, queues and reports, a Key Vault for the report-signing certificate, and
// Application Insights over a Log Analytics workspace. `azd up` deploys it with main.bicepparam;
// env/dev.bicepparam and env/prod.bicepparam do the same for `az deployment sub create`.
// Everything is explained in infra/README.md.

targetScope = 'subscription'

// ---- The deployment ----------------------------------------------------------------------------

@minLength(1)
@maxLength(64)
@description('Environment name (azd: AZURE_ENV_NAME). Names the resource group and seeds every resource name.')
param environmentName string

@minLength(1)
@description('Region of every resource (azd: AZURE_LOCATION); it must offer the Flex Consumption plan.')
param location string

@allowed([
  'dev'
  'prod'
])
@description('dev or prod: picks the defaults of the parameters below marked "by profile".')
param profile string = 'dev'

@description('Resource group to create or reuse; empty: rg-<environmentName>.')
param resourceGroupName string = ''

// ---- What the app reads (app settings) ---------------------------------------------------------

@minLength(1)
@description('ReportOrganisation: the organisation named on every report.')
param reportOrganisation string

@description('ReportInstance: the PrivX instance named on the cover; empty leaves it unset.')
param reportInstance string = ''

@description('PrivX__BaseUrl: the PrivX instance the collector pulls audit events from (https); empty leaves the collector off.')
param privxBaseUrl string = ''

@description('PrivX__Instance: the name of that instance in checkpoints, batch ids and status.')
param privxInstance string = 'privx'

@description('PrivX__ApiClientId: the PrivX API client\'s id (not secret).')
param privxApiClientId string = ''

@description('PrivX__OAuthClientId: the OAuth client of the token request.')
param privxOAuthClientId string = 'privx-external'

@description('PrivX__AuthFlow: password or client-credentials.')
param privxAuthFlow string = 'password'

@description('Key Vault secret names holding the API client secret and the OAuth client secret; the values never pass through a deployment.')
param privxApiClientSecretName string = 'privx-api-client-secret'
param privxOAuthClientSecretName string = 'privx-oauth-client-secret'

@description('PrivX__CollectSchedule: NCRONTAB schedule of the collector timer, always UTC.')
param privxCollectSchedule string = '0 */5 * * * *'

@description('PrivX__CollectFrom: where a first run starts (RFC 3339); empty for 24 hours before it.')
param privxCollectFrom string = ''

@description('PrivX__Overlap: how far each window reaches back before the checkpoint.')
param privxOverlap string = '00:10:00'

@description('ReportSchedule: NCRONTAB schedule of the report timer, always UTC.')
param reportSchedule string = '0 0 2 * * *'

@description('PoisonSchedule: NCRONTAB schedule of the timer that moves poisoned messages into the PoisonedMessages table, always UTC.')
param poisonSchedule string = '0 * * * * *'

@description('ReportTimeZone: IANA time zone of the reporting month and working hours.')
param reportTimeZone string = 'UTC'

@description('ReportGracePeriod: how long after a month ends its report waits for late events (TimeSpan).')
param reportGracePeriod string = '06:00:00'

@description('ReportWorkingHours: working hours, in ReportTimeZone.')
param reportWorkingHours string = '08:00-18:00'

@description('ReportWorkingDays: working days.')
param reportWorkingDays string = 'Mon-Fri'

@description('Name of the Key Vault certificate that signs reports; ReportSigningCertificate refers to it. Empty: reports are not signed.')
param signingCertificateName string = 'report-signing'

// ---- Report mail and alerts (app settings; README.md, Configuration) ----------------------------

@description('ReportRecipients: comma-separated addresses each new report version is mailed to; empty mails nothing.')
param reportRecipients string = ''

@description('AlertRecipients: comma-separated addresses alerts are mailed to; empty sends no alert mail.')
param alertRecipients string = ''

@description('AlertWebhookUrl: https address alerts are POSTed to as signed JSON; empty posts nothing.')
param alertWebhookUrl string = ''

@description('Key Vault secret (create it first) holding the webhook\'s HMAC key, AlertWebhookSecret; needed with alertWebhookUrl.')
param alertWebhookSecretName string = ''

@description('Smtp__Host: the SMTP server, e.g. smtp.azurecomm.net for Azure Communication Services; needed with any recipients.')
param smtpHost string = ''

@description('Smtp__Port; empty: 587 for StartTls, 465 for Tls.')
param smtpPort string = ''

@allowed([
  'StartTls'
  'Tls'
])
@description('Smtp__Security: StartTls or Tls (None is for a relay on the same machine only, so not offered here).')
param smtpSecurity string = 'StartTls'

@description('Smtp__UserName: e.g. an Azure Communication Services SMTP username; empty: no authentication.')
param smtpUserName string = ''

@description('Key Vault secret (create it first) holding the SMTP password, Smtp__Password; empty leaves it unset.')
param smtpPasswordSecretName string = ''

@description('Smtp__From: the sender address, e.g. DoNotReply@<your verified domain>.')
param smtpFrom string = ''

@description('EmailAttachmentLimitMB: above this the report mail carries only the link.')
param emailAttachmentLimitMB string = '10'

@description('AlertSilenceAfter: how long a PrivX service or the whole source may send nothing before an alert (TimeSpan).')
param alertSilenceAfter string = '02:00:00'

@description('AlertMaxPerHour: at most this many alerts an hour; the rest wait and go out grouped.')
param alertMaxPerHour string = '12'

// ---- Evidence and retention --------------------------------------------------------------------

@minValue(365)
@maxValue(146000)
@description('Days each report version stays immutable (WORM), and the blob change feed is kept. PCI DSS 10.5.1 asks for at least 12 months. By profile: dev 365, prod 730.')
param reportRetentionDays int = profile == 'prod' ? 730 : 365

@description('Set to true once the retention policy of `reports` is locked (infra/README.md); the template then leaves it alone, since a locked policy can only be extended.')
param reportRetentionLocked bool = false

@minValue(1)
@maxValue(365)
@description('Days a deleted blob or container stays restorable. By profile: dev 14, prod 90.')
param softDeleteRetentionDays int = profile == 'prod' ? 90 : 14

@minValue(1)
@maxValue(365)
@description('Days older versions of overwritten working blobs (locks, request outcomes, intake exports, host state, app packages) are kept.')
param workingVersionRetentionDays int = 30

@minValue(30)
@maxValue(730)
@description('Days Log Analytics keeps telemetry and access logs. By profile: dev 90, prod 365.')
param logRetentionDays int = profile == 'prod' ? 365 : 90

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GZRS'
  'Standard_RAGZRS'
])
@description('Storage redundancy. By profile: dev Standard_LRS, prod Standard_ZRS.')
param storageSku string = profile == 'prod' ? 'Standard_ZRS' : 'Standard_LRS'

@description('CanNotDelete lock on the storage account. By profile: dev false, prod true.')
param lockStorageAccount bool = profile == 'prod'

// ---- Scale -------------------------------------------------------------------------------------

@minValue(1)
@maxValue(1000)
@description('Most instances the Flex Consumption plan scales out to.')
param maximumInstanceCount int = 40

@allowed([
  512
  2048
  4096
])
@description('Memory of each instance, in MB.')
param instanceMemoryMB int = 2048

// ---- Who else gets access ----------------------------------------------------------------------

@description('Object id of the deployer (azd: AZURE_PRINCIPAL_ID): gets Key Vault Certificates Officer to import the signing certificate. Empty grants nothing.')
param deployerPrincipalId string = ''

@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param deployerPrincipalType string = 'User'

@description('Object id of a producer (a PrivX forwarder): may send to audit-events, upload to ingest and read its receipts. Empty grants nothing.')
param producerPrincipalId string = ''

@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param producerPrincipalType string = 'ServicePrincipal'

@minLength(1)
@description('The producer\'s own folder in the ingest container: it may write there only (`compliance send --ingest-path`).')
param producerIngestPath string = 'producers/privx'

@description('Object id of who may download reports (Storage Blob Data Reader on `reports`), typically a group of auditors. Empty grants nothing.')
param reportReaderPrincipalId string = ''

@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param reportReaderPrincipalType string = 'Group'

@description('Object id of who may record reviews with `compliance report review` (Storage Queue Data Message Sender on `report-reviews`), typically the reviewers\' group. Empty grants nothing.')
param reviewerPrincipalId string = ''

@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param reviewerPrincipalType string = 'Group'

@description('Object id of auditors who check reports against the event store (`compliance verify`): read-only on AuditEvents and event-raw. Empty grants nothing.')
param auditorPrincipalId string = ''

@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param auditorPrincipalType string = 'Group'

// ---- App Service Authentication (Entra ID) and app roles for the HTTP endpoints -----------------

@description('Require an Entra ID sign-in for every request to the app (App Service Authentication); the app then takes each caller\'s app roles from it. By profile: dev false, prod true.')
param enableEntraAuth bool = profile == 'prod'

@description('Application (client) id of the app registration users sign in to, which defines the app roles; required when enableEntraAuth.')
param entraClientId string = ''

@description('Tenant of that app registration.')
param entraTenantId string = tenant().tenantId

@description('Paths that skip the sign-in, for automation with function keys alone, e.g. /api/reports/2026-10; they get the roles of functionKeyRoles.')
param authExcludedPaths string[] = []

@description('HttpFunctionKeyRoles: the app roles of a request that came with a function key and no sign-in (an excluded path, or sign-in off). Empty: such a request reaches only the signing certificate.')
param functionKeyRoles string[] = []

@description('ReportRequestInterval: how soon one caller may ask again for a new version of the same month (429 with Retry-After before).')
param reportRequestInterval string = '00:01:00'

// ---- Network -----------------------------------------------------------------------------------

@description('A virtual network with Flex Consumption VNet integration, private endpoints and private DNS zones for storage (blob, queue, table) and Key Vault, whose public network access is then off. By profile: dev false, prod true.')
param networkIsolation bool = profile == 'prod'

@description('Address space of that network.')
param networkAddressPrefix string = '10.60.0.0/16'

// ---- Resources ---------------------------------------------------------------------------------

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  workload: 'compliance-reports'
  profile: profile
}
var functionAppName = 'func-${resourceToken}'
var deploymentContainerName = 'app-package-${functionAppName}'

// Sign-in on without an app registration would lock everyone out: stop the deployment saying so.
var signInClientId = enableEntraAuth && empty(entraClientId)
  ? fail('Sign-in is on (enableEntraAuth, ENTRA_AUTH_ENABLED) but no app registration is named: set ENTRA_CLIENT_ID (infra/README.md, "Sign-in and app roles").')
  : entraClientId

resource resourceGroup 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: empty(resourceGroupName) ? 'rg-${environmentName}' : resourceGroupName
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    workspaceName: 'log-${resourceToken}'
    insightsName: 'appi-${resourceToken}'
    logRetentionDays: logRetentionDays
  }
}

module storage 'modules/storage.bicep' = {
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    name: 'st${resourceToken}'
    sku: storageSku
    deploymentContainerName: deploymentContainerName
    reportRetentionDays: reportRetentionDays
    reportRetentionLocked: reportRetentionLocked
    softDeleteRetentionDays: softDeleteRetentionDays
    workingVersionRetentionDays: workingVersionRetentionDays
    lockAccount: lockStorageAccount
    workspaceId: monitoring.outputs.workspaceId
    networkIsolation: networkIsolation
  }
}

module vault 'modules/keyvault.bicep' = {
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    name: 'kv-${resourceToken}'
    workspaceId: monitoring.outputs.workspaceId
    networkIsolation: networkIsolation
  }
}

module network 'modules/network.bicep' = if (networkIsolation) {
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    name: 'vnet-${resourceToken}'
    storageAccountName: storage.outputs.name
    vaultName: vault.outputs.name
    addressPrefix: networkAddressPrefix
  }
}

module identities 'modules/identities.bicep' = {
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    ingestName: 'id-ingest-${resourceToken}'
    reportsName: 'id-reports-${resourceToken}'
  }
}

module appAccess 'modules/appaccess.bicep' = {
  scope: resourceGroup
  params: {
    storageAccountName: storage.outputs.name
    vaultName: vault.outputs.name
    insightsName: monitoring.outputs.insightsName
    deploymentContainerName: deploymentContainerName
    ingestPrincipalId: identities.outputs.ingestPrincipalId
    reportsPrincipalId: identities.outputs.reportsPrincipalId
  }
}

module functionApp 'modules/functionapp.bicep' = {
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    name: functionAppName
    planName: 'plan-${resourceToken}'
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    insightsName: monitoring.outputs.insightsName
    vaultName: vault.outputs.name
    ingestIdentityId: identities.outputs.ingestId
    ingestClientId: identities.outputs.ingestClientId
    reportsIdentityId: identities.outputs.reportsId
    reportsClientId: identities.outputs.reportsClientId
    subnetId: networkIsolation ? network!.outputs.functionsSubnetId : ''
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    reportSettings: union(
      {
        ReportSchedule: reportSchedule
        PoisonSchedule: poisonSchedule
        ReportTimeZone: reportTimeZone
        ReportGracePeriod: reportGracePeriod
        ReportOrganisation: reportOrganisation
        ReportWorkingHours: reportWorkingHours
        ReportWorkingDays: reportWorkingDays
      },
      empty(reportInstance) ? {} : { ReportInstance: reportInstance }
    )
    signingCertificateName: signingCertificateName
    notificationSettings: union(
      {
        EmailAttachmentLimitMB: emailAttachmentLimitMB
        AlertSilenceAfter: alertSilenceAfter
        AlertMaxPerHour: alertMaxPerHour
        Smtp__Security: smtpSecurity
      },
      empty(reportRecipients) ? {} : { ReportRecipients: reportRecipients },
      empty(alertRecipients) ? {} : { AlertRecipients: alertRecipients },
      empty(alertWebhookUrl) ? {} : { AlertWebhookUrl: alertWebhookUrl },
      empty(smtpHost) ? {} : { Smtp__Host: smtpHost },
      empty(smtpPort) ? {} : { Smtp__Port: smtpPort },
      empty(smtpUserName) ? {} : { Smtp__UserName: smtpUserName },
      empty(smtpFrom) ? {} : { Smtp__From: smtpFrom }
    )
    smtpPasswordSecretName: smtpPasswordSecretName
    alertWebhookSecretName: alertWebhookSecretName
    privxSettings: union(
      {
        PrivX__CollectSchedule: privxCollectSchedule
        PrivX__Overlap: privxOverlap
      },
      empty(privxBaseUrl)
        ? {}
        : {
            PrivX__BaseUrl: privxBaseUrl
            PrivX__Instance: privxInstance
            PrivX__ApiClientId: privxApiClientId
            PrivX__OAuthClientId: privxOAuthClientId
            PrivX__AuthFlow: privxAuthFlow
          },
      empty(privxCollectFrom) ? {} : { PrivX__CollectFrom: privxCollectFrom }
    )
    privxSecretNames: empty(privxBaseUrl) ? {} : {
      PrivX__ApiClientSecret: privxApiClientSecretName
      PrivX__OAuthClientSecret: privxOAuthClientSecretName
    }
    enableEntraAuth: enableEntraAuth
    entraClientId: signInClientId
    entraTenantId: entraTenantId
    authExcludedPaths: authExcludedPaths
    functionKeyRoles: functionKeyRoles
    reportRequestInterval: reportRequestInterval
  }
  // The identities' roles first: the host starts, and the Key Vault reference resolves, with them in place.
  dependsOn: [
    appAccess
  ]
}

module access 'modules/access.bicep' = {
  scope: resourceGroup
  params: {
    storageAccountName: storage.outputs.name
    vaultName: vault.outputs.name
    producerPrincipalId: producerPrincipalId
    producerPrincipalType: producerPrincipalType
    producerIngestPath: producerIngestPath
    reportReaderPrincipalId: reportReaderPrincipalId
    reportReaderPrincipalType: reportReaderPrincipalType
    auditorPrincipalId: auditorPrincipalId
    auditorPrincipalType: auditorPrincipalType
    reviewerPrincipalId: reviewerPrincipalId
    reviewerPrincipalType: reviewerPrincipalType
    deployerPrincipalId: deployerPrincipalId
    deployerPrincipalType: deployerPrincipalType
  }
}

// azd keeps these in .azure/<environment>/.env (azd env get-values).
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output FUNCTION_APP_NAME string = functionApp.outputs.name
output FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
output INGEST_PRINCIPAL_ID string = identities.outputs.ingestPrincipalId
output REPORTS_PRINCIPAL_ID string = identities.outputs.reportsPrincipalId
output NETWORK_ISOLATION bool = networkIsolation
output KEY_VAULT_NAME string = vault.outputs.name
output KEY_VAULT_URI string = vault.outputs.uri
output SIGNING_CERTIFICATE_NAME string = signingCertificateName
output REPORT_RETENTION_DAYS int = reportRetentionDays
