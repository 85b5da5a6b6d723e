// The Functions app on the Flex Consumption plan (Linux, .NET 10 isolated worker), with a
// system-assigned identity that reaches storage, Key Vault and Application Insights with the
// narrowest built-in roles that let it run. App settings are a resource of their own, written after
// the role assignments, so the Key Vault reference resolves with the identity's access in place.

import { queues, roles } from 'names.bicep'

param location string
param tags object
param name string
param planName string
param storageAccountName string
param deploymentContainerName string
param insightsName string
param vaultName string

@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Settings the app reads (ReportSchedule, ReportTimeZone, ...), name to value.')
param reportSettings object

@description('Name of the Key Vault certificate that signs reports; empty leaves ReportSigningCertificate unset.')
param signingCertificateName string

@description('Mail and alert settings (ReportRecipients, Smtp__Host, AlertRecipients, ...), name to value; secrets are not among them.')
param notificationSettings object

@description('Key Vault secret holding the SMTP password; empty leaves Smtp__Password unset.')
param smtpPasswordSecretName string

@description('Key Vault secret holding the alert webhook\'s HMAC key; empty leaves AlertWebhookSecret unset.')
param alertWebhookSecretName string

@description('The PrivX collector\'s plain settings (PrivX__CollectSchedule, PrivX__BaseUrl, ...), name to value.')
param privxSettings object

@description('The PrivX collector\'s secrets: app setting name to Key Vault secret name, resolved as Key Vault references.')
param privxSecretNames object

param enableEntraAuth bool
param entraClientId string
param entraTenantId string
param authExcludedPaths string[]

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: storageAccountName
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2026-06-01' existing = {
  parent: storage
  name: 'default'
}

resource queue 'Microsoft.Storage/storageAccounts/queueServices/queues@2026-06-01' existing = [
  for queueName in items(queues): {
    parent: queueService
    name: queueName.value
  }
]

resource insights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: insightsName
}

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' existing = {
  name: vaultName
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'functions' })
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    publicNetworkAccess: 'Enabled'
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
    }
  }
}

// Deployments go through Entra ID (azd, az functionapp deploy); no FTP or SCM passwords.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

// Blobs: host state (timers, keys, leases), the app package, report versions, month locks (leases),
// request outcomes, intake exports (read, then deleted), raw events and quarantine. Contributor, not
// the Owner the Functions docs suggest: Contributor does all of that, but cannot delete blob versions,
// purge soft-deleted blobs, or touch immutability policies and legal holds. Every blob the app
// overwrites or deletes stays recoverable as a version, and report versions stay retained.
resource appBlobAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, site.id, roles.storageBlobDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Tables: appending events, change markers, quarantine and receipts. Write cannot be narrowed away
// (infra/README.md, threat model). Account scope, because creating a table is an account-level call.
resource appTableAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, site.id, roles.storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Queues: only those the app triggers on, sends to and poisons into.
resource appQueueAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (queueName, i) in items(queues): {
    name: guid(queue[i].id, site.id, roles.storageQueueDataContributor)
    scope: queue[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataContributor)
      principalId: site.identity.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

// Key Vault: read secrets (a certificate's private key is the secret of the same name), nothing else.
resource appVaultAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, site.id, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Application Insights takes only Entra-authenticated telemetry (APPLICATIONINSIGHTS_AUTHENTICATION_STRING).
resource appTelemetryAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, site.id, roles.monitoringMetricsPublisher)
  scope: insights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: site.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

var hostSettings = {
  // Identity-based host storage: the host and the app's connection factory build
  // https://{account}.{blob|queue|table}.core.windows.net and use the system-assigned identity.
  AzureWebJobsStorage__accountName: storage.name
  APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'
}

// Resolved by App Service with the app's identity; without a version it follows the certificate's
// latest version. ReportSigningCertificatePassword stays unset: Key Vault serves the PFX without one.
var signingSettings = empty(signingCertificateName)
  ? {}
  : {
      ReportSigningCertificate: '@Microsoft.KeyVault(SecretUri=${vault.properties.vaultUri}secrets/${signingCertificateName}/)'
    }

// Secrets of mail and alerts, resolved the same way; a reference to a secret not yet in the vault would
// reach the app as its literal text, so each is set only once its secret is named.
var notificationSecrets = union(
  empty(smtpPasswordSecretName) ? {} : { Smtp__Password: '@Microsoft.KeyVault(SecretUri=${vault.properties.vaultUri}secrets/${smtpPasswordSecretName}/)' },
  empty(alertWebhookSecretName) ? {} : { AlertWebhookSecret: '@Microsoft.KeyVault(SecretUri=${vault.properties.vaultUri}secrets/${alertWebhookSecretName}/)' }
)

// Links in report mails point at this app.
var linkSettings = {
  ReportBaseUrl: 'https://${site.properties.defaultHostName}'
}

// The PrivX secrets, like the signing certificate, reach the app only as Key Vault references.
var privxSecretSettings = toObject(
  items(privxSecretNames),
  setting => setting.key,
  setting => '@Microsoft.KeyVault(SecretUri=${vault.properties.vaultUri}secrets/${setting.value}/)'
)

resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: union(hostSettings, reportSettings, signingSettings, notificationSettings, notificationSecrets, linkSettings, privxSettings, privxSecretSettings)
  dependsOn: [
    appBlobAccess
    appTableAccess
    appQueueAccess
    appVaultAccess
    appTelemetryAccess
  ]
}

// App Service Authentication: every request must carry an Entra ID sign-in or token for the app
// registration, checked before it reaches the Functions host, so a function key alone no longer gets
// in. Paths in authExcludedPaths skip sign-in and are guarded by their function keys only.
resource authentication 'Microsoft.Web/sites/config@2025-03-01' = if (enableEntraAuth) {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
      excludedPaths: authExcludedPaths
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: entraClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${entraTenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            entraClientId
            'api://${entraClientId}'
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
output principalId string = site.identity.principalId
