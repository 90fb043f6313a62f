using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Jewelry.Hosting.LocalData;
using Jewelry.Hosting.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting;

public static class LocalPostgresBuilderExtensions
{
    /// <summary>
    /// Adds a PostgreSQL server that runs the machine's own PostgreSQL binaries (no container engine needed) on a port
    /// Aspire allocates, with its data in the AppHost's data folder. Its connection string is that of
    /// <c>AddPostgres</c>: <c>Host=...;Port=...;Username=postgres;Password=...</c>.
    /// </summary>
    public static IResourceBuilder<LocalPostgresServerResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder,
        [ResourceName] string name,
        IResourceBuilder<ParameterResource>? password = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);

        var installation = PostgresInstallation.Locate(builder.Configuration);
        var data = LocalDataDirectory.For(builder);
        var folder = new PostgresDataDirectory(Path.Combine(data.Path, name));
        var passwordParameter = password?.Resource
            ?? data.Password($"{name}-password");
        var server = new LocalPostgresServerResource(name, passwordParameter, HostingScripts.Shell, folder.Root);

        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(server, async (_, cancellationToken) =>
            connectionString = await server.ConnectionStringExpression.GetValueAsync(cancellationToken).ConfigureAwait(false));

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, async (@event, cancellationToken) =>
        {
            await DatabaseStates.PublishAsync(@event.Services, server, KnownResourceStates.Starting).ConfigureAwait(false);
            StartProblemAnnotation.ThrowIfAny(server, installation.Problem());

            data.EnsureCreated();
            var passwordValue = await passwordParameter.GetValueAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty;
            await folder.PrepareAsync(installation, passwordValue, cancellationToken).ConfigureAwait(false);
        });

        builder.Eventing.Subscribe<ResourceReadyEvent>(server, async (@event, cancellationToken) =>
        {
            await PostgresDatabaseCreator.CreateMissingAsync(
                connectionString ?? throw new DistributedApplicationException($"'{name}' is ready but its connection string is unknown."),
                server.Databases.Select(database => database.DatabaseName),
                cancellationToken).ConfigureAwait(false);
            await DatabaseStates.PublishAsync(@event.Services, server, KnownResourceStates.Running).ConfigureAwait(false);
        });

        builder.Eventing.Subscribe<ResourceStoppedEvent>(server, (@event, _) =>
            DatabaseStates.PublishAsync(@event.Services, server, @event.ResourceEvent.Snapshot.State?.Text ?? KnownResourceStates.Exited));

        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().AddNpgSql(
            _ => PostgresDatabaseCreator.MaintenanceConnectionString(connectionString ?? throw new InvalidOperationException("The connection string is not known yet.")),
            name: healthCheckKey);

        return builder.AddResource(server)
            .WithEndpoint(name: LocalPostgresNames.PrimaryEndpointName, scheme: "tcp", isProxied: false)
            .WithArgs(context =>
            {
                var port = server.PrimaryEndpoint.Property(EndpointProperty.TargetPort);
                context.Args.Add(HostingScripts.PathOf("postgres.sh"));
                context.Args.Add(installation.Postgres);
                context.Args.Add("-D");
                context.Args.Add(folder.Data);
                context.Args.Add("-p");
                context.Args.Add(port);
                context.Args.Add("-c");
                context.Args.Add("listen_addresses=127.0.0.1");
                context.Args.Add("-c");
                context.Args.Add(string.Create(CultureInfo.InvariantCulture, $"unix_socket_directories={folder.Sockets}"));
            })
            .WithIconName("DatabaseMultiple")
            .WithHealthCheck(healthCheckKey)
            .ExcludeFromManifest();
    }

    /// <summary>Adds a database to the server, created once the server is healthy; healthy while it accepts connections.</summary>
    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<LocalPostgresServerResource> builder,
        [ResourceName] string name,
        string? databaseName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);

        var database = new LocalPostgresDatabaseResource(name, databaseName ?? name, builder.Resource);
        builder.Resource.AddDatabase(database);

        string? connectionString = null;
        builder.ApplicationBuilder.Eventing.Subscribe<ConnectionStringAvailableEvent>(database, async (_, cancellationToken) =>
            connectionString = await database.ConnectionStringExpression.GetValueAsync(cancellationToken).ConfigureAwait(false));

        var healthCheckKey = $"{name}_check";
        builder.ApplicationBuilder.Services.AddHealthChecks().AddNpgSql(
            _ => PostgresDatabaseCreator.ProbeConnectionString(connectionString ?? throw new InvalidOperationException("The connection string is not known yet.")),
            name: healthCheckKey);

        return builder.ApplicationBuilder.AddResource(database)
            .WithIconName("Database")
            .WithHealthCheck(healthCheckKey)
            .ExcludeFromManifest();
    }
}
