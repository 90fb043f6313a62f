namespace Jewelry.Hosting;

/// <summary>The type column of the summary and the state file.</summary>
internal static class ResourceTypeNames
{
    public static string Of(IResource resource) => resource switch
    {
        PostgresServerResource => "postgres",
        PostgresDatabaseResource => "postgres.database",
        RabbitMQServerResource => "rabbitmq",
        S3StoreResource => "s3",
        ProjectResource => "project",
        ParameterResource => "parameter",
        _ => resource.GetType().Name,
    };
}
