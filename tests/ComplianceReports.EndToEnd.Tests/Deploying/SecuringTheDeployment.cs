using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ComplianceReports.EndToEnd.Tests;

/// <summary>
/// The production deployment as the Bicep CLI compiles it from infra/env/prod.bicepparam: every security
/// property the threat model (infra/README.md) relies on, read from the ARM JSON that Azure would get.
/// </summary>
public sealed partial class SecuringTheDeployment
{
    private static readonly Lazy<Compiled> Prod = new(() => Compiled.Build("env/prod.bicepparam"));

    [Fact]
    public void Prod_turns_sign_in_on_and_requires_it_on_every_path_but_the_excluded()
    {
        var app = Prod.Value.Module("functionApp");
        var authentication = app.Resource("authentication");

        Assert.True(Prod.Value.Parameter("enableEntraAuth").GetBoolean());
        Assert.True(app.Evaluate(authentication.GetProperty("condition")).GetBoolean());
        var validation = authentication.GetProperty("properties").GetProperty("globalValidation");
        Assert.True(validation.GetProperty("requireAuthentication").GetBoolean());
        Assert.Equal("RedirectToLoginPage", validation.GetProperty("unauthenticatedClientAction").GetString());
        Assert.Equal("[parameters('authExcludedPaths')]", validation.GetProperty("excludedPaths").GetString());
        Assert.Empty(app.Parameter("authExcludedPaths").EnumerateArray());
        // The app trusts the principal header only because sign-in is on.
        Assert.Equal("[string(parameters('enableEntraAuth'))]", app.Variable("accessSettings").GetProperty("HttpSignIn").GetString());
    }

    [Fact]
    public void The_event_table_is_append_only_for_the_ingesting_identity()
    {
        var access = Prod.Value.Module("appAccess");
        var role = access.Resource("appendOnlyEvents");
        var assignment = access.Resource("ingestAppendsEvents");

        var permissions = Assert.Single(role.GetProperty("properties").GetProperty("permissions").EnumerateArray());
        Assert.Equal(
            ["Microsoft.Storage/storageAccounts/tableServices/tables/entities/read", "Microsoft.Storage/storageAccounts/tableServices/tables/entities/add/action"],
            permissions.GetProperty("dataActions").EnumerateArray().Select(action => action.GetString()));
        Assert.Empty(permissions.GetProperty("actions").EnumerateArray());
        Assert.Equal("Microsoft.Authorization/roleDefinitions", role.GetProperty("type").GetString());
        Assert.Equal(
            "[resourceId('Microsoft.Storage/storageAccounts/tableServices/tables', parameters('storageAccountName'), 'default', variables('tables').auditEvents)]",
            assignment.GetProperty("scope").GetString());
        Assert.Equal("AuditEvents", access.Variable("tables").GetProperty("auditEvents").GetString());
        Assert.Equal("[parameters('ingestPrincipalId')]", assignment.GetProperty("properties").GetProperty("principalId").GetString());
        Assert.Equal("[reference('identities').outputs.ingestPrincipalId.value]", Prod.Value.Resource("appAccess").GetProperty("properties").GetProperty("parameters").GetProperty("ingestPrincipalId").GetProperty("value").GetString());
    }

    [Fact]
    public void No_identity_of_the_app_holds_a_built_in_role_that_writes_the_event_table()
    {
        var access = Prod.Value.Module("appAccess");
        var tableAssignments = access.Resources()
            .Where(resource => resource.GetProperty("type").GetString() == "Microsoft.Authorization/roleAssignments")
            .Where(resource => RoleName(resource).StartsWith("storageTable", StringComparison.Ordinal))
            .ToList();
        var contributorLists = tableAssignments
            .Where(resource => RoleName(resource) == "storageTableDataContributor")
            .Select(resource => TableList().Match(resource.GetProperty("scope").GetString()!).Groups[1].Value)
            .ToList();

        // Contributor only on lists of tables (ingestion's, the report side's) that leave AuditEvents out; readers alone elsewhere.
        Assert.Equal(["ingestTables", "reportWriteTables"], contributorLists.Order());
        Assert.All(contributorLists, list =>
            Assert.DoesNotContain("[variables('tables').auditEvents]", access.Variable(list).EnumerateArray().Select(table => table.GetString())));
        Assert.Equal(["storageTableDataContributor", "storageTableDataReader"], tableAssignments.Select(RoleName).Distinct().Order());
    }

    [Fact]
    public void Isolation_is_on_in_prod_and_brings_private_endpoints_for_blob_queue_table_and_the_vault()
    {
        var network = Prod.Value.Resource("network");

        Assert.True(Prod.Value.Parameter("networkIsolation").GetBoolean());
        Assert.True(Prod.Value.Evaluate(network.GetProperty("condition")).GetBoolean());
        var module = Prod.Value.Module("network");
        Assert.Equal(["blob", "queue", "table", "vault"], module.Variable("endpoints").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        var endpoint = module.Resource("Microsoft.Network/privateEndpoints");
        Assert.Equal("Microsoft.Network/privateEndpoints", endpoint.GetProperty("type").GetString());
        Assert.Equal("[length(variables('endpoints'))]", endpoint.GetProperty("copy").GetProperty("count").GetString());
        Assert.Equal("[length(variables('endpoints'))]", module.Resource("Microsoft.Network/privateDnsZones").GetProperty("copy").GetProperty("count").GetString());
        Assert.Equal("[length(variables('endpoints'))]", module.Resource("Microsoft.Network/privateEndpoints/privateDnsZoneGroups").GetProperty("copy").GetProperty("count").GetString());
        // The app's outbound traffic goes through the network: Flex Consumption VNet integration.
        Assert.Equal("Microsoft.App/environments", module.Resource("Microsoft.Network/virtualNetworks").GetProperty("properties").GetProperty("subnets")[0].GetProperty("properties").GetProperty("delegations")[0].GetProperty("properties").GetProperty("serviceName").GetString());
        Assert.Equal(
            "[if(parameters('networkIsolation'), createObject('value', reference('network').outputs.functionsSubnetId.value), createObject('value', ''))]",
            Prod.Value.Resource("functionApp").GetProperty("properties").GetProperty("parameters").GetProperty("subnetId").GetString());
        Assert.Equal("[if(empty(parameters('subnetId')), null(), parameters('subnetId'))]", Prod.Value.Module("functionApp").Resource("site").GetProperty("properties").GetProperty("virtualNetworkSubnetId").GetString());
    }

    [Theory]
    [InlineData("storage", "account")]
    [InlineData("vault", "Microsoft.KeyVault/vaults")]
    public void Public_network_access_is_off_for_storage_and_the_vault_in_prod(string module, string resource)
    {
        var compiled = Prod.Value.Module(module);
        var properties = compiled.Resource(resource).GetProperty("properties");

        Assert.Equal("Disabled", compiled.Evaluate(properties.GetProperty("publicNetworkAccess")).GetString());
        Assert.Equal("Deny", compiled.Evaluate(properties.GetProperty("networkAcls").GetProperty("defaultAction")).GetString());
    }

    [Fact]
    public void A_producer_writes_only_below_its_own_path_in_ingest()
    {
        var access = Prod.Value.Module("access");
        var exports = access.Resource("producerExports").GetProperty("properties");

        Assert.Equal("2.0", exports.GetProperty("conditionVersion").GetString());
        Assert.Equal("[variables('producerPathCondition')]", exports.GetProperty("condition").GetString());
        Assert.Equal("producers/privx", access.Parameter("producerIngestPath").GetString());
    }

    private static string RoleName(JsonElement assignment) =>
        RoleReference().Match(assignment.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!).Groups[1].Value;

    [GeneratedRegex(@"variables\('roles'\)\.(\w+)\)")]
    private static partial Regex RoleReference();

    [GeneratedRegex(@"^\[resourceId\('Microsoft\.Storage/storageAccounts/tableServices/tables', parameters\('storageAccountName'\), 'default', variables\('(\w+)'\)\[copyIndex\(\)\]\)\]$")]
    private static partial Regex TableList();

    [GeneratedRegex(@"^\[parameters\('(\w+)'\)\]$")]
    private static partial Regex ParameterExpression();

    [GeneratedRegex(@"^\[if\(parameters\('(\w+)'\), '([^']*)', '([^']*)'\)\]$")]
    private static partial Regex IfExpression();

    /// <summary>A template and the values of its parameters: the deployment, or one module of it as the deployment calls it.</summary>
    private class Scope(JsonElement template, IReadOnlyDictionary<string, JsonElement> parameters)
    {
        public JsonElement Parameter(string name) => parameters[name];

        /// <summary>A resource by its symbolic name; a template Bicep wrote without symbolic names has only types, so there it is the one of that type.</summary>
        public JsonElement Resource(string nameOrType) =>
            template.GetProperty("resources") is { ValueKind: JsonValueKind.Object } named
                ? named.GetProperty(nameOrType)
                : Resources().Single(resource => resource.GetProperty("type").GetString() == nameOrType);

        public IEnumerable<JsonElement> Resources() =>
            template.GetProperty("resources") is { ValueKind: JsonValueKind.Object } named
                ? named.EnumerateObject().Select(resource => resource.Value)
                : template.GetProperty("resources").EnumerateArray();

        public JsonElement Variable(string name) => template.GetProperty("variables").GetProperty(name);

        public Scope Module(string name)
        {
            var deployment = Resource(name).GetProperty("properties");
            var inner = deployment.GetProperty("template");
            var values = new Dictionary<string, JsonElement>();
            foreach (var declared in inner.GetProperty("parameters").EnumerateObject())
            {
                // A value chosen by a condition compiles to one expression naming both objects: kept as written.
                values[declared.Name] = deployment.GetProperty("parameters").TryGetProperty(declared.Name, out var given)
                    ? given.ValueKind == JsonValueKind.Object ? Evaluate(given.GetProperty("value")) : given
                    : declared.Value.TryGetProperty("defaultValue", out var fallback) ? fallback : default;
            }
            return new Scope(inner, values);
        }

        /// <summary>The two expression shapes these properties take: a parameter, or an if over one; anything else stays as written.</summary>
        public JsonElement Evaluate(JsonElement value)
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                return value;
            }
            var text = value.GetString()!;
            if (ParameterExpression().Match(text) is { Success: true } parameter && parameters.TryGetValue(parameter.Groups[1].Value, out var given))
            {
                return given;
            }
            if (IfExpression().Match(text) is { Success: true } choice && parameters.TryGetValue(choice.Groups[1].Value, out var test))
            {
                return JsonSerializer.SerializeToElement(test.GetBoolean() ? choice.Groups[2].Value : choice.Groups[3].Value);
            }
            return value;
        }
    }

    private sealed class Compiled(JsonElement template, IReadOnlyDictionary<string, JsonElement> parameters) : Scope(template, parameters)
    {
        /// <summary>Runs <c>bicep build-params</c> on a parameter file of infra/, with the variables azd would supply.</summary>
        public static Compiled Build(string parameterFile)
        {
            var cli = Environment.GetEnvironmentVariable("COMPLIANCE_BICEP_CLI");
            if (string.IsNullOrEmpty(cli))
            {
                throw new InvalidOperationException("These tests compile infra/ with the Bicep CLI that scripts/test.sh restores: run scripts/test.sh.");
            }
            var start = new ProcessStartInfo(cli)
            {
                WorkingDirectory = Path.Combine(LocalFunctionsHostFixture.RepositoryRoot, "infra"),
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                ArgumentList = { "build-params", parameterFile, "--stdout" },
                Environment =
                {
                    ["AZURE_ENV_NAME"] = "ci-prod",
                    ["AZURE_LOCATION"] = "swedencentral",
                    ["REPORT_ORGANISATION"] = "Example Oy",
                },
            };
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"bicep build-params {parameterFile} failed: {error.Result}");
            }
            using var result = JsonDocument.Parse(output);
            var templateJson = result.RootElement.GetProperty("templateJson").GetString()!;
            var template = JsonDocument.Parse(templateJson).RootElement.Clone();
            var given = JsonDocument.Parse(result.RootElement.GetProperty("parametersJson").GetString()!).RootElement.GetProperty("parameters");
            var values = new Dictionary<string, JsonElement>();
            foreach (var declared in template.GetProperty("parameters").EnumerateObject())
            {
                values[declared.Name] = given.TryGetProperty(declared.Name, out var value) ? value.GetProperty("value").Clone()
                    : declared.Value.TryGetProperty("defaultValue", out var fallback) ? fallback.Clone() : default;
            }
            return new Compiled(template, values);
        }
    }
}
