// The storage account of the event store, the queues, the reports and the Functions host.
// Reached only with Entra ID (shared keys off), over TLS 1.2, never anonymously. Reports are
// write-once: blob versioning plus a version-level time-based retention (WORM) policy on `reports`.

import { queues, tables, containers } from 'names.bicep'

param location string
param tags object
param name string

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GZRS'
  'Standard_RAGZRS'
])
param sku string

@description('Container of the Flex Consumption app package.')
param deploymentContainerName string

@minValue(365)
@maxValue(146000)
@description('Days every report version stays immutable after it is written.')
param reportRetentionDays int

@description('True once the deployer has locked the retention policy of `reports`: a locked policy can only be extended, so the template leaves it alone.')
param reportRetentionLocked bool

@minValue(1)
@maxValue(365)
@description('Days a deleted blob or container can still be restored.')
param softDeleteRetentionDays int

@minValue(1)
@maxValue(365)
@description('Days older versions of overwritten working blobs (locks, request outcomes, intake exports, host state) are kept.')
param workingVersionRetentionDays int

@description('Put a CanNotDelete lock on the account, so deleting it (or its resource group) needs the lock removed first.')
param lockAccount bool

@description('Log Analytics workspace for the storage access logs.')
param workspaceId string

@description('Closed to public networks: reached only through the private endpoints of network.bicep.')
param networkIsolation bool

resource account 'Microsoft.Storage/storageAccounts@2026-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: sku
  }
  properties: {
    accessTier: 'Hot'
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    publicNetworkAccess: networkIsolation ? 'Disabled' : 'Enabled'
    networkAcls: {
      defaultAction: networkIsolation ? 'Deny' : 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2026-06-01' = {
  parent: account
  name: 'default'
  properties: {
    // Every overwrite or delete keeps the previous state as a version; only a principal with
    // Storage Blob Data Owner can delete versions, and the app has Contributor.
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: softDeleteRetentionDays
      allowPermanentDelete: false
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: softDeleteRetentionDays
    }
    // A log of every blob created, overwritten or deleted, kept as long as the reports.
    changeFeed: {
      enabled: true
      retentionInDays: reportRetentionDays
    }
  }
}

// Every other container: versioned and soft-deleted like the whole account, but without a retention
// policy. `report-locks` must stay so: its blobs are leased and released; so must `signing-certificates`,
// whose current.json is replaced when the certificate is renewed. `day-seals` is a cache of the event
// store's closed days, written create-only; a version never depends on it, only on its own evidence.
var otherContainers = [
  containers.reportLocks
  containers.daySeals
  containers.signingCertificates
  containers.reportRequests
  containers.ingest
  containers.eventRaw
  containers.quarantine
  containers.poisonedMessages
  containers.webJobsHosts
  containers.webJobsSecrets
  deploymentContainerName
]

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' = [
  for containerName in otherContainers: {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

// Report versions are created once and never overwritten. Version-level immutability (rather than a
// container-level policy) lets the app overwrite the files of a version whose manifest a crashed
// writer never wrote: the overwrite makes a new version and the old one stays retained.
resource reportsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' = {
  parent: blobService
  name: containers.reports
  properties: {
    publicAccess: 'None'
    immutableStorageWithVersioning: {
      enabled: true
    }
  }
}

// The default policy every new report blob version inherits. Created unlocked; once locked
// (README: "Lock the retention policy") nobody can shorten it or delete a version before it expires.
resource reportRetention 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2026-06-01' = if (!reportRetentionLocked) {
  parent: reportsContainer
  name: 'default'
  properties: {
    immutabilityPeriodSinceCreationInDays: reportRetentionDays
    allowProtectedAppendWrites: false
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2026-06-01' = {
  parent: account
  name: 'default'
}

resource queue 'Microsoft.Storage/storageAccounts/queueServices/queues@2026-06-01' = [
  for queueName in items(queues): {
    parent: queueService
    name: queueName.value
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2026-06-01' = {
  parent: account
  name: 'default'
}

resource table 'Microsoft.Storage/storageAccounts/tableServices/tables@2026-06-01' = [
  for tableName in items(tables): {
    parent: tableService
    name: tableName.value
  }
]

// Versioning keeps every overwritten lock, request outcome, host state blob and app package, and the
// deleted intake exports (personal data): drop those versions after a while. Reports, raw events and
// quarantined input are evidence and keep theirs.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2026-06-01' = {
  parent: account
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expire-working-versions'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [
                '${containers.reportLocks}/'
                '${containers.reportRequests}/'
                '${containers.ingest}/'
                '${containers.webJobsHosts}/'
                '${containers.webJobsSecrets}/'
                '${deploymentContainerName}/'
              ]
            }
            actions: {
              version: {
                delete: {
                  daysAfterCreationGreaterThan: workingVersionRetentionDays
                }
              }
            }
          }
        }
      ]
    }
  }
}

resource accountLock 'Microsoft.Authorization/locks@2020-05-01' = if (lockAccount) {
  name: 'keep-compliance-evidence'
  scope: account
  properties: {
    level: 'CanNotDelete'
    notes: 'Holds the audit event store and the signed compliance reports.'
  }
}

// Who read, wrote or deleted what, with the caller's identity: request metadata only, no contents.
var accessLogs = [
  {
    category: 'StorageRead'
    enabled: true
  }
  {
    category: 'StorageWrite'
    enabled: true
  }
  {
    category: 'StorageDelete'
    enabled: true
  }
]

// Diagnostic settings as an extension resource exist only in this preview API version (the one stable
// version, 2016-09-01, has another shape), hence the suppressions below.
#disable-next-line use-recent-api-versions
resource blobAccessLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'access-to-log-analytics'
  scope: blobService
  properties: {
    workspaceId: workspaceId
    logs: accessLogs
  }
}

// Table and queue reads are the app streaming a month and the host polling; writes and deletes matter.
#disable-next-line use-recent-api-versions
resource tableAccessLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'access-to-log-analytics'
  scope: tableService
  properties: {
    workspaceId: workspaceId
    logs: skip(accessLogs, 1)
  }
}

#disable-next-line use-recent-api-versions
resource queueAccessLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'access-to-log-analytics'
  scope: queueService
  properties: {
    workspaceId: workspaceId
    logs: skip(accessLogs, 1)
  }
}

output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
