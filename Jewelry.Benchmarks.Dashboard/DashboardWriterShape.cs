using Jewelry.Dashboard.Ingest;
using Microsoft.Extensions.Configuration;

namespace Jewelry.Benchmarks.Dashboard;

/// <summary>How the dashboard writes: records per batch (its <c>Dashboard:Ingest</c> settings, from its own appsettings.json) and concurrent writers.</summary>
internal sealed record DashboardWriterShape(int BatchSize, int Writers)
{
    /// <summary><see cref="BatchWriterService"/> is one hosted service writing one batch at a time.</summary>
    public const int DashboardWriters = 1;

    public static DashboardWriterShape Read(BenchmarkOptions options)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .Build();
        var ingest = configuration.GetSection(IngestOptions.SectionName).Get<IngestOptions>() ?? new IngestOptions();
        return new DashboardWriterShape(Math.Max(1, ingest.MaxBatchSize), options.CopyWriters ?? DashboardWriters);
    }
}
