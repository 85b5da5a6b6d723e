namespace ComplianceReports.Testing;

/// <summary>
/// A storage account of the Azurite that scripts/test.sh started, given to one fixture only, across test
/// processes, through a lock file that stays: an account is never handed on with another fixture's
/// leftovers in it. Queue, table and container names stay the product's constants.
/// </summary>
public sealed class AzuriteAccount : IDisposable
{
    private readonly FileStream lockFile;

    private AzuriteAccount(string name, string connectionString, FileStream lockFile)
    {
        Name = name;
        ConnectionString = connectionString;
        this.lockFile = lockFile;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static AzuriteAccount Lease()
    {
        var template = Environment.GetEnvironmentVariable("COMPLIANCE_TEST_STORAGE_TEMPLATE");
        var count = Environment.GetEnvironmentVariable("COMPLIANCE_TEST_ACCOUNT_COUNT");
        var locks = Environment.GetEnvironmentVariable("COMPLIANCE_TEST_ACCOUNT_LOCKS");
        if (template is null || count is null || locks is null)
        {
            throw new InvalidOperationException("These tests need the Azurite that scripts/test.sh starts: run scripts/test.sh.");
        }

        for (var i = 1; i <= int.Parse(count); i++)
        {
            var name = $"test{i.ToString().PadLeft(count.Length, '0')}";
            try
            {
                var lockFile = new FileStream(Path.Combine(locks, name), FileMode.CreateNew, FileAccess.Write, FileShare.None);
                return new AzuriteAccount(name, template.Replace("{account}", name), lockFile);
            }
            catch (IOException)
            {
                // Taken by another fixture of this run.
            }
        }
        throw new InvalidOperationException($"All {count} Azurite test accounts are taken: raise account_count in scripts/test.sh.");
    }

    public void Dispose() => lockFile.Dispose();
}
