// Names shared with the app (src/ComplianceReports.Storage: QueueNames, TableEventStore, BlobReportStore,
// MonthLock, ReportRequestOutcomes, IngestBlobs, IngestReceipts, MailDeliveries, AlertStore, ReportReviewStore) and the built-in roles granted on them.
// Everything is created here, so nothing in production depends on the app creating it at run time.

@export()
@description('Queues: ingestion, report requests, report mail and reviews to record, each with the poison queue failed messages go to.')
var queues = {
  auditEvents: 'audit-events'
  auditEventsPoison: 'audit-events-poison'
  reportRequests: 'report-requests'
  reportRequestsPoison: 'report-requests-poison'
  reportMail: 'report-mail'
  reportMailPoison: 'report-mail-poison'
  reportReviews: 'report-reviews'
  reportReviewsPoison: 'report-reviews-poison'
}

@export()
@description('Tables: the event store, its monthly change markers, the quarantine, the producers\' receipts, report mail deliveries, alerting\'s memory and the reviews of reports.')
var tables = {
  auditEvents: 'AuditEvents'
  auditEventMonths: 'AuditEventMonths'
  quarantine: 'Quarantine'
  ingestReceipts: 'IngestReceipts'
  reportMailDeliveries: 'ReportMailDeliveries'
  alerts: 'Alerts'
  reportReviews: 'ReportReviews'
}

@export()
@description('Blob containers. Only `reports` holds write-once evidence under a retention policy; `report-locks` holds leases and must stay writable.')
var containers = {
  reports: 'reports'
  daySeals: 'day-seals'
  reportLocks: 'report-locks'
  signingCertificates: 'signing-certificates'
  reportRequests: 'report-requests'
  ingest: 'ingest'
  eventRaw: 'event-raw'
  quarantine: 'quarantine'
  webJobsHosts: 'azure-webjobs-hosts'
  webJobsSecrets: 'azure-webjobs-secrets'
}

@export()
@description('Built-in role definition ids.')
var roles = {
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageBlobDataReader: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageQueueDataMessageSender: 'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a'
  storageQueueDataReader: '19e7f393-937e-4f77-808e-94535e297925'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  storageTableDataReader: '76199698-9eea-4c19-bc75-cec21354c6b6'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultCertificatesOfficer: 'a4417e6f-fecd-4de8-b567-7b0420556985'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}
