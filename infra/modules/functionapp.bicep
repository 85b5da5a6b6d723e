// The Functions app on the Flex Consumption plan (Linux, .NET 10 isolated worker), running under the
// two user-assigned identities of identities.bicep, whose roles appaccess.bicep grants before this
// module runs, so the Key Vault reference resolves with the identity's access in place.

param location string
param tags object
param name string
param planName string
param storageAccountName string
param deploymentContainerName string
param insightsName string
param vaultName string

@description('The ingest identity (resource id, client id): the host\'s storage, the app package, telemetry.')
param ingestIdentityId string
param ingestClientId string

@description('The reports identity (resource id, client id): the ReportStorage connection and the Key Vault reference.')
param reportsIdentityId string
param reportsClientId string

@description('Subnet the app\'s outbound traffic goes through (VNet integration); empty for none.')
param subnetId string

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

@description('HttpFunctionKeyRoles: the app roles of a request with a function key and no sign-in.')
param functionKeyRoles string[]

@description('ReportRequestInterval: how soon one caller may ask again for the same month.')
param reportRequestInterval string

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: storageAccountName
}

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
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${ingestIdentityId}': {}
      '${reportsIdentityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    // Users reach the HTTP endpoints from their own networks, behind sign-in and app roles; storage
    // and Key Vault are the ones closed to public networks (networkIsolation).
    publicNetworkAccess: 'Enabled'
    virtualNetworkSubnetId: empty(subnetId) ? null : subnetId
    keyVaultReferenceIdentity: reportsIdentityId
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
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: ingestIdentityId
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

var hostSettings = {
  // Identity-based storage: the host and ingestion build https://{account}.{blob|queue|table}.core.windows.net
  // and use the ingest identity; reports reach the same account with the reports identity (ReportStorage).
  AzureWebJobsStorage__accountName: storage.name
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: ingestClientId
  ReportStorage__accountName: storage.name
  ReportStorage__credential: 'managedidentity'
  ReportStorage__clientId: reportsClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${ingestClientId};Authorization=AAD'
}

// Who the HTTP functions take a caller to be (README, "HTTP access"): the principal App Service
// Authentication vouches for when sign-in is on; a function key's roles otherwise.
var accessSettings = {
  HttpSignIn: string(enableEntraAuth)
  HttpFunctionKeyRoles: join(functionKeyRoles, ',')
  ReportRequestInterval: reportRequestInterval
}

// Resolved by App Service with the reports identity; without a version it follows the certificate's
// latest version. ReportSigningCertificatePassword stays unset: Key Vault serves the PFX without one.
var signingSettings = empty(signingCertificateName)
  ? {}
  : {
      ReportSigningCertificate: '@Microsoft.KeyVault(SecretUri=${vault.properties.vaultUri}secrets/${signingCertificateName}/)'
    }

// Secrets of mail and alerts, resolved the same way (the reports identity reads the vault's secrets); a reference to a secret not yet in the vault would
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
  properties: union(hostSettings, accessSettings, reportSettings, signingSettings, notificationSettings, notificationSecrets, linkSettings, privxSettings, privxSecretSettings)
}

// App Service Authentication: every request must carry an Entra ID sign-in or token for the app
// registration, checked before it reaches the Functions host, so a function key alone no longer gets
// in. Paths in authExcludedPaths skip sign-in and are guarded by their function keys only, with the
// roles of functionKeyRoles. The app reads the caller's app roles from X-MS-CLIENT-PRINCIPAL.
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
