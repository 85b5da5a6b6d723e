// Log Analytics workspace and the workspace-based Application Insights the Functions host writes to.
// Telemetry is accepted only with Entra ID tokens (local authentication off), so the connection
// string alone cannot be used to write into the app's logs.

param location string
param tags object
param workspaceName string
param insightsName string

@minValue(30)
@maxValue(730)
@description('Days the workspace keeps logs: the app\'s telemetry and the storage and Key Vault access logs.')
param logRetentionDays int

resource workspace 'Microsoft.OperationalInsights/workspaces@2026-03-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
    features: {
      disableLocalAuth: true
    }
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: insightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    DisableLocalAuth: true
  }
}

output workspaceId string = workspace.id
output insightsName string = insights.name
