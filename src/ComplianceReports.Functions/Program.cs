using ComplianceReports.Pipeline;
using ComplianceReports.Pipeline.Delivery;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddCompliancePipeline(builder.Configuration);
builder.Services.CheckStorageAtStartup();
builder.Services.AddReportDelivery(builder.Configuration, CallerTrust.Platform);
using var host = builder.Build();
if (!host.SettingsAreValid("ComplianceReports.Functions"))
{
    return 1;
}
host.Run();
return 0;
