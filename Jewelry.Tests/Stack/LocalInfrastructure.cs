using Jewelry.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jewelry.Tests.Stack;

/// <summary>A model of its own for tests that need only some servers (PostgreSQL for the dashboard tests, say), started as the AppHost starts them.</summary>
internal static class LocalInfrastructure
{
    public static IDistributedApplicationTestingBuilder CreateBuilder(TestLog log, params string[] args)
    {
        var builder = DistributedApplicationTestingBuilder.Create(args);
        builder.Services.AddLogging(logging => logging.AddProvider(new TestLogProvider(log)));
        return builder;
    }
}
