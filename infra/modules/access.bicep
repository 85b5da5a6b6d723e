// Access for people and systems other than the app, each optional and each on the one queue, table,
// container or vault it needs.

import { queues, tables, containers, roles } from 'names.bicep'

param storageAccountName string
param vaultName string

@description('A PrivX forwarder or other producer (object id); empty grants nothing.')
param producerPrincipalId string

@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param producerPrincipalType string

@description('The producer\'s own folder in `ingest` (e.g. producers/privx-1), the only path it may read, write or delete there; `compliance send --ingest-path` uploads below it.')
param producerIngestPath string

@description('Who may download reports (object id of a user, group or service principal); empty grants nothing.')
param reportReaderPrincipalId string

@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param reportReaderPrincipalType string

@description('Who may check reports against the event store with `compliance verify` (read AuditEvents and event-raw); empty grants nothing.')
param auditorPrincipalId string

@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param auditorPrincipalType string

@description('Who may record reviews with `compliance report review` (send on report-reviews); empty grants nothing. Over HTTP, sign-in decides.')
param reviewerPrincipalId string

@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param reviewerPrincipalType string

@description('The deployer (azd sets AZURE_PRINCIPAL_ID), who imports the signing certificate; empty grants nothing.')
param deployerPrincipalId string

@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param deployerPrincipalType string

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

resource auditEventsQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2026-06-01' existing = {
  parent: queueService
  name: queues.auditEvents
}

resource auditEventsPoisonQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2026-06-01' existing = {
  parent: queueService
  name: queues.auditEventsPoison
}

resource auditEventsTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2026-06-01' existing = {
  parent: tableService
  name: tables.auditEvents
}

resource ingestReceiptsTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2026-06-01' existing = {
  parent: tableService
  name: tables.ingestReceipts
}

resource reportReviewsQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2026-06-01' existing = {
  parent: queueService
  name: queues.reportReviews
}

resource reportReviewsTable 'Microsoft.Storage/storageAccounts/tableServices/tables@2026-06-01' existing = {
  parent: tableService
  name: tables.reportReviews
}

resource ingestContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' existing = {
  parent: blobService
  name: containers.ingest
}

resource eventRawContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' existing = {
  parent: blobService
  name: containers.eventRaw
}

resource reportsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' existing = {
  parent: blobService
  name: containers.reports
}

resource signingCertificatesContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2026-06-01' existing = {
  parent: blobService
  name: containers.signingCertificates
}

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' existing = {
  name: vaultName
}

var hasProducer = !empty(producerPrincipalId)

// Producer: put messages on audit-events (not read, peek or delete them) ...
resource producerSend 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (hasProducer) {
  name: guid(auditEventsQueue.id, producerPrincipalId, roles.storageQueueDataMessageSender)
  scope: auditEventsQueue
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataMessageSender)
    principalId: producerPrincipalId
    principalType: producerPrincipalType
  }
}

// ... upload exports too big for a message, below its own path only: an ABAC condition on the blob
// path, so one producer can neither read, overwrite nor delete another's exports (listing the
// container is not a blob action and stays allowed: names only).
var producerBlobActions = [
  'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'
  'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write'
  'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action'
  'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete'
]
var producerPathCondition = '(${join(map(producerBlobActions, action => '!(ActionMatches{\'${action}\'})'), ' AND ')}) OR (@Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path] StringStartsWith \'${producerIngestPath}/\')'

resource producerExports 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (hasProducer) {
  name: guid(ingestContainer.id, producerPrincipalId, roles.storageBlobDataContributor)
  scope: ingestContainer
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: producerPrincipalId
    principalType: producerPrincipalType
    description: 'Exports below ${producerIngestPath}/ only'
    condition: producerPathCondition
    conditionVersion: '2.0'
  }
}

// ... and, for `send --wait`, read the receipts of its batches and see whether one was poisoned.
resource producerReceipts 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (hasProducer) {
  name: guid(ingestReceiptsTable.id, producerPrincipalId, roles.storageTableDataReader)
  scope: ingestReceiptsTable
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataReader)
    principalId: producerPrincipalId
    principalType: producerPrincipalType
  }
}

resource producerPoisonPeek 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (hasProducer) {
  name: guid(auditEventsPoisonQueue.id, producerPrincipalId, roles.storageQueueDataReader)
  scope: auditEventsPoisonQueue
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataReader)
    principalId: producerPrincipalId
    principalType: producerPrincipalType
  }
}

// Report readers: read (download) report versions; they can neither write nor delete any.
resource reportReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(reportReaderPrincipalId)) {
  name: guid(reportsContainer.id, reportReaderPrincipalId, roles.storageBlobDataReader)
  scope: reportsContainer
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataReader)
    principalId: reportReaderPrincipalId
    principalType: reportReaderPrincipalType
  }
}

// ... and the published signing certificates (public parts), to pin `verify` to the deployment's signer.
resource reportReaderCertificates 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(reportReaderPrincipalId)) {
  name: guid(signingCertificatesContainer.id, reportReaderPrincipalId, roles.storageBlobDataReader)
  scope: signingCertificatesContainer
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataReader)
    principalId: reportReaderPrincipalId
    principalType: reportReaderPrincipalType
  }
}

// ... and the reviews of each version (`report list`, `report reviews`, and their signed records in `reports`).
resource reportReaderReviews 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(reportReaderPrincipalId)) {
  name: guid(reportReviewsTable.id, reportReaderPrincipalId, roles.storageTableDataReader)
  scope: reportReviewsTable
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataReader)
    principalId: reportReaderPrincipalId
    principalType: reportReaderPrincipalType
  }
}

// Reviewers: ask the app to sign and record a review. The CLI's --reviewer is what the sender says,
// so who may send is this assignment; the storage access log names the sender of every message.
// They also read reviews, to see theirs recorded; reading the reports is the report readers' grant.
var hasReviewer = !empty(reviewerPrincipalId)

resource reviewerSend 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (hasReviewer) {
  name: guid(reportReviewsQueue.id, reviewerPrincipalId, roles.storageQueueDataMessageSender)
  scope: reportReviewsQueue
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageQueueDataMessageSender)
    principalId: reviewerPrincipalId
    principalType: reviewerPrincipalType
  }
}

resource reviewerReviews 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (hasReviewer) {
  name: guid(reportReviewsTable.id, reviewerPrincipalId, roles.storageTableDataReader)
  scope: reportReviewsTable
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataReader)
    principalId: reviewerPrincipalId
    principalType: reviewerPrincipalType
  }
}

// Auditors: check a report against the event store (rows, and raw events too big for a row), its
// manifest and the newer versions that cover later events, and its signer, read-only. They see the
// same personal data as a report's evidence file.
var hasAuditor = !empty(auditorPrincipalId)

resource auditorReports 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (hasAuditor) {
  name: guid(reportsContainer.id, auditorPrincipalId, roles.storageBlobDataReader)
  scope: reportsContainer
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataReader)
    principalId: auditorPrincipalId
    principalType: auditorPrincipalType
  }
}

resource auditorCertificates 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (hasAuditor) {
  name: guid(signingCertificatesContainer.id, auditorPrincipalId, roles.storageBlobDataReader)
  scope: signingCertificatesContainer
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataReader)
    principalId: auditorPrincipalId
    principalType: auditorPrincipalType
  }
}

resource auditorEvents 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (hasAuditor) {
  name: guid(auditEventsTable.id, auditorPrincipalId, roles.storageTableDataReader)
  scope: auditEventsTable
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageTableDataReader)
    principalId: auditorPrincipalId
    principalType: auditorPrincipalType
  }
}

resource auditorRawEvents 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (hasAuditor) {
  name: guid(eventRawContainer.id, auditorPrincipalId, roles.storageBlobDataReader)
  scope: eventRawContainer
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataReader)
    principalId: auditorPrincipalId
    principalType: auditorPrincipalType
  }
}

// Deployer: import and renew the signing certificate. Certificates Officer manages certificates but
// cannot read secrets, so it cannot export a private key it did not bring.
resource deployerCertificates 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId)) {
  name: guid(vault.id, deployerPrincipalId, roles.keyVaultCertificatesOfficer)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultCertificatesOfficer)
    principalId: deployerPrincipalId
    principalType: deployerPrincipalType
  }
}
