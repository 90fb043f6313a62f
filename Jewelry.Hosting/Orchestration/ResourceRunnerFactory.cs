namespace Jewelry.Hosting;

/// <summary>Maps each kind of resource in the model to what runs it.</summary>
internal static class ResourceRunnerFactory
{
    public static ResourceRunner Create(IResource resource, RunContext context) => resource switch
    {
        PostgresServerResource postgres => new PostgresServerRunner(postgres, context),
        PostgresDatabaseResource database => new PostgresDatabaseRunner(database, context),
        RabbitMQServerResource rabbitMQ => new RabbitMQServerRunner(rabbitMQ, context),
        S3StoreResource store => new S3StoreRunner(store, context),
        ProjectResource project => new ProjectRunner(project, context),
        _ => throw new NotSupportedException($"Resource '{resource.Name}' of type {resource.GetType().Name} cannot be run locally."),
    };

    /// <summary>Parameters only carry values; everything else runs.</summary>
    public static bool Runs(IResource resource) => resource is not ParameterResource;
}
