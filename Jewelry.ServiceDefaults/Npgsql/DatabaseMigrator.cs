using System.Diagnostics;
using System.Net.Sockets;
using Jewelry.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Polly;
using Polly.Retry;

namespace Jewelry.ServiceDefaults.Npgsql;

internal sealed class DatabaseMigrator<TContext>(
    IServiceProvider services,
    ILogger<DatabaseMigrator<TContext>> logger) : IHostedService
    where TContext : DbContext
{
    private readonly ResiliencePipeline _untilReachable = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(IsUnreachable),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromSeconds(1),
            MaxDelay = TimeSpan.FromSeconds(5),
            OnRetry = args =>
            {
                logger.LogWarning(
                    "Database for {Context} not ready yet (attempt {Attempt}), retrying: {Reason}",
                    typeof(TContext).Name,
                    args.AttemptNumber + 1,
                    args.Outcome.Exception?.Message);
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var activity = ServiceDefaultsActivitySource.Instance.StartActivity($"migrate {typeof(TContext).Name}");

        try
        {
            await _untilReachable.ExecuteAsync(MigrateAsync, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            activity?.AddException(exception);
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async ValueTask MigrateAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<TContext>();

        // EF Core reads the history table before it creates it, and logs the failed read of a new database as an
        // error (PostgreSQL logs one too): created first, with EF Core's own script, a fresh start logs no error.
        if (await context.Database.CanConnectAsync(cancellationToken))
        {
            await context.Database.ExecuteSqlRawAsync(context.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
        }

        await context.Database.MigrateAsync(cancellationToken);

        logger.LogInformation("Database for {Context} is migrated", typeof(TContext).Name);
    }

    /// <summary>
    /// Connection failures, including what EF Core's retrying strategy gives up on, and the race of two
    /// services creating the same database. Anything else is a broken migration and fails the start.
    /// </summary>
    internal static bool IsUnreachable(Exception exception) => exception switch
    {
        RetryLimitExceededException { InnerException: { } inner } => IsUnreachable(inner),
        PostgresException postgres => postgres.IsTransient
            || postgres.SqlState == PostgresErrorCodes.DuplicateDatabase
            || postgres is { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "pg_database_datname_index" },
        NpgsqlException npgsql => npgsql.IsTransient,
        SocketException or TimeoutException => true,
        _ => false,
    };
}
