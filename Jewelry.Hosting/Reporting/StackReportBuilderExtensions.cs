using Jewelry.Hosting.LocalData;
using Jewelry.Hosting.Reporting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting;

public static class StackReportBuilderExtensions
{
    /// <summary>
    /// Reports the stack in the AppHost's console as a person reads it while it starts (one line per state change,
    /// then a table of resources and URLs with both dashboards' login URLs), keeps it as JSON in the state file
    /// (<c>--state-file</c>, default <c>resources.json</c> in the data folder), and each resource's output in
    /// <c>logs/&lt;name&gt;.log</c> there.
    /// </summary>
    public static IDistributedApplicationBuilder AddStackReport(this IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        if (builder.ExecutionContext.IsRunMode)
        {
            builder.Services.AddSingleton(new StackReportSettings(LocalDataDirectory.For(builder), StateFileLocation.Resolve(builder)));

            // First among the hosted services: Aspire's orchestrator does not return from its start until every
            // resource has started, and the report must watch the start from its beginning.
            builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, StackReporter>());
        }

        // One line per entry, with the time: Aspire's default spreads each over two.
        builder.Services.AddLogging(logging => logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        }));
        return builder;
    }
}
