// The Key Vault holding the report-signing certificate. Access is by Azure RBAC only; soft delete and
// purge protection keep a deleted key recoverable for 90 days. Bicep cannot create the certificate:
// the deployer imports it (infra/README.md, "Import the signing certificate").

param location string
param tags object
param name string

@description('Log Analytics workspace for the vault\'s audit log (who read which secret, when).')
param workspaceId string

@description('Closed to public networks: reached only through the private endpoint of network.bicep.')
param networkIsolation bool

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    publicNetworkAccess: networkIsolation ? 'Disabled' : 'Enabled'
    networkAcls: {
      defaultAction: networkIsolation ? 'Deny' : 'Allow'
      bypass: 'AzureServices'
    }
  }
}

// See storage.bicep: extension diagnostic settings exist only in this preview API version.
#disable-next-line use-recent-api-versions
resource auditLog 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit-to-log-analytics'
  scope: vault
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'AuditEvent'
        enabled: true
      }
    ]
  }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
