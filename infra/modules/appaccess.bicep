// What the app's two identities may do, each on the one table, queue or container it needs. The event
// table is append-only for the app: the ingest identity holds a custom role that reads and inserts
// entities and has no action that updates or deletes one; the reports identity only reads it.

import { queues, tables, containers, roles } from 'names.bicep'

param storageAccountName string
param vaultName string
param insightsName string

@description('Container of the Flex Consumption app package; the host reads it with the ingest identity.')
param deploymentContainerName string

param ingestPrincipalId string
param reportsPrincipalId string

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: storageAccountName
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2026-06-01' existing = {
  parent: storage
  name: 'default'
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2026-06-01' existing = {
  parent: storage
  name: 'default'
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2026-06-01' existing = {
  parent: storage
  name: 'default'
}

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' existing = {
  name: vaultName
}

resource insights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: insightsName
}

resource auditEventsTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2026-06-01' existing = {
  parent: tableService
  name: tables.auditEvents
}

// ---- Custom roles ------------------------------------------------------------------------------

// Read and insert entities, nothing else: no update, merge or delete, no creating or deleting tables.
// Assignable in this resource group only (a custom role cannot be assignable at a single table), and
// assigned below on the AuditEvents table alone.
resource appendOnlyEvents 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(resourceGroup().id, 'compliance-append-only-events')
  properties: {
    roleName: 'Compliance event appender (${resourceGroup().name})'
    description: 'Reads and inserts table entities; cannot update or delete them. Held by the ingesting identity on the AuditEvents table only.'
    type: 'CustomRole'
    assignableScopes: [
      resourceGroup().id
    ]
    permissions: [
      {
        actions: []
        notActions: []
        dataActions: [
          'Microsoft.Storage/storageAccounts/tableServices/tables/entities/read'
          'Microsoft.Storage/storageAccounts/tableServices/tables/entities/add/action'
        ]
        notDataActions: []
      }
    ]
  }
}

// The host checks at start-up that every table and container exists (infra/ creates them): that needs
// to see them, not to read or change anything in them.
resource presenceCheck 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(resourceGroup().id, 'compliance-presence-check')
  properties: {
    roleName: 'Compliance storage presence check (${resourceGroup().name})'
    description: 'Sees which tables and blob containers exist; reads none of their contents.'
    type: 'CustomRole'
    assignableScopes: [
      resourceGroup().id
    ]
    permissions: [
      {
        actions: [
          'Microsoft.Storage/storageAccounts/tableServices/tables/read'
          'Microsoft.Storage/storageAccounts/blobServices/containers/read'
        ]
        notActions: []
        dataActions: []
        notDataActions: []
      }
    ]
  }
}

// ---- The ingest identity: the Functions host, and the events ------------------------------------

resource ingestAppendsEvents 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(auditEventsTable.id, ingestPrincipalId, appendOnlyEvents.id)
  scope: auditEventsTable
  properties: {
    roleDefinitionId: appendOnlyEvents.id
    principalId: ingestPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource ingestSeesResources 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, ingestPrincipalId, presenceCheck.id)
  scope: storage
  properties: {
    roleDefinitionId: presenceCheck.id
    principalId: ingestPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Change markers, refused input and producers' receipts: written and rewritten by ingestion; alerts,
// which ingestion raises for findings and quarantined items and which remember the services heard from;
// the PrivX collector's checkpoints; poisoned messages kept for good and each failing message's last error.
var ingestTables = [
  tables.auditEventMonths
  tables.quarantine
  tables.ingestReceipts
  tables.alerts
  tables.privxCollector
  tables.poisonedMessages
  tables.messageFailures
]

resource ingestTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2026-06-01' existing = [
  for name in ingestTables: {
    parent: tableService
    name: name
  }
]

resource ingestTableAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (name, i) in ingestTables: {
    name: guid(ingestTable[i].id, ingestPrincipalId, roles.storageTableDataContributor)
    scope: ingestTable[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
      principalId: ingestPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

// Every queue and its poison queue: the host's triggers (events, report requests, report mail, reviews,
// PrivX re-collections)
// take messages from them and poison into them.
resource queue 'Microsoft.Storage/storageAccounts/queueServices/queues@2026-06-01' existing = [
  for queueName in items(queues): {
    parent: queueService
    name: queueName.value
  }
]

resource ingestQueueAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (queueName, i) in items(queues): {
    name: guid(queue[i].id, ingestPrincipalId, roles.storageQueueDataContributor)
    scope: queue[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataContributor)
      principalId: ingestPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

// Intake exports (read, then deleted; the collector's pages too), raw events too big for a row, refused
// input, poisoned texts too big for a row, and the host's own state, keys and app package. Contributor,
// not Owner: it cannot delete versions or touch retention.
var ingestContainers = [
  containers.ingest
  containers.eventRaw
  containers.quarantine
  containers.poisonedMessages
  containers.webJobsHosts
  containers.webJobsSecrets
  deploymentContainerName
]

resource ingestContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' existing = [
  for name in ingestContainers: {
    parent: blobService
    name: name
  }
]

resource ingestContainerAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (name, i) in ingestContainers: {
    name: guid(ingestContainer[i].id, ingestPrincipalId, roles.storageBlobDataContributor)
    scope: ingestContainer[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
      principalId: ingestPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

// Application Insights takes only Entra-authenticated telemetry; the host sends it with this identity.
resource ingestTelemetry 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, ingestPrincipalId, roles.monitoringMetricsPublisher)
  scope: insights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: ingestPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// ---- The reports identity: read events, write reports, mail, reviews and alerts ------------------

// The event store, its change markers and the quarantine (counted in a report's coverage): read only.
var reportReadTables = [
  tables.auditEvents
  tables.auditEventMonths
  tables.quarantine
]

resource reportReadTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2026-06-01' existing = [
  for name in reportReadTables: {
    parent: tableService
    name: name
  }
]

resource reportsTableAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (name, i) in reportReadTables: {
    name: guid(reportReadTable[i].id, reportsPrincipalId, roles.storageTableDataReader)
    scope: reportReadTable[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataReader)
      principalId: reportsPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource eventRawContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' existing = {
  parent: blobService
  name: containers.eventRaw
}

resource reportsRawEvents 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(eventRawContainer.id, reportsPrincipalId, roles.storageBlobDataReader)
  scope: eventRawContainer
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataReader)
    principalId: reportsPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Its own containers: report versions (and the signed reviews beside them), day seals, month leases,
// request outcomes, published certificates.
var reportContainers = [
  containers.reports
  containers.daySeals
  containers.reportLocks
  containers.reportRequests
  containers.signingCertificates
]

resource reportContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' existing = [
  for name in reportContainers: {
    parent: blobService
    name: name
  }
]

resource reportsContainerAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (name, i) in reportContainers: {
    name: guid(reportContainer[i].id, reportsPrincipalId, roles.storageBlobDataContributor)
    scope: reportContainer[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
      principalId: reportsPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

// Mail deliveries, alerts (raised by generation and reviews, grouped and sent by the alert timer) and
// reviews: written and rewritten on the report side.
var reportWriteTables = [
  tables.reportMailDeliveries
  tables.alerts
  tables.reportReviews
]

resource reportWriteTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2026-06-01' existing = [
  for name in reportWriteTables: {
    parent: tableService
    name: name
  }
]

resource reportsTableWrites 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (name, i) in reportWriteTables: {
    name: guid(reportWriteTable[i].id, reportsPrincipalId, roles.storageTableDataContributor)
    scope: reportWriteTable[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataContributor)
      principalId: reportsPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

// The timer and POST put requests on report-requests, a new version its mail on report-mail, a
// failed mail goes back on it to wait, and one that gave up goes to report-mail-poison; the host's
// triggers take them off (ingest identity).
var reportSendQueues = [
  queues.reportRequests
  queues.reportMail
  queues.reportMailPoison
]

resource reportSendQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2026-06-01' existing = [
  for name in reportSendQueues: {
    parent: queueService
    name: name
  }
]

resource reportsSendMessages 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (name, i) in reportSendQueues: {
    name: guid(reportSendQueue[i].id, reportsPrincipalId, roles.storageQueueDataMessageSender)
    scope: reportSendQueue[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataMessageSender)
      principalId: reportsPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

// The alert timer counts what waits on every poison queue: it reads their properties, takes nothing
// off. Taken from names.bicep, so a queue added there is counted without a role missing.
var poisonQueues = map(filter(items(queues), queue => endsWith(queue.value, '-poison')), queue => queue.value)

resource poisonQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2026-06-01' existing = [
  for name in poisonQueues: {
    parent: queueService
    name: name
  }
]

resource reportsCountPoison 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for (name, i) in poisonQueues: {
    name: guid(poisonQueue[i].id, reportsPrincipalId, roles.storageQueueDataReader)
    scope: poisonQueue[i]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataReader)
      principalId: reportsPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

// The signing certificate, the SMTP password and the webhook key: App Service resolves the Key Vault
// references with this identity.
resource reportsVaultAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, reportsPrincipalId, roles.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: reportsPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output appendOnlyRoleId string = appendOnlyEvents.id
