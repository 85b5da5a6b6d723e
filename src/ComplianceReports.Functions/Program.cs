using ComplianceReports.Pipeline;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.Services.AddCompliancePipeline(builder.Configuration);
builder.Build().Run();
