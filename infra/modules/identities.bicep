// The two user-assigned identities the one Function App runs under (infra/README.md, "Two identities"):
// `ingest` is the Functions host's own (triggers, timers, keys, the app package) and appends events;
// `reports` reads events and writes only the reports' containers. User-assigned, so their roles exist
// before the app does and survive a re-created app.

param location string
param tags object
param ingestName string
param reportsName string

resource ingest 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: ingestName
  location: location
  tags: tags
}

resource reports 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: reportsName
  location: location
  tags: tags
}

output ingestId string = ingest.id
output ingestClientId string = ingest.properties.clientId
output ingestPrincipalId string = ingest.properties.principalId
output reportsId string = reports.id
output reportsClientId string = reports.properties.clientId
output reportsPrincipalId string = reports.properties.principalId
