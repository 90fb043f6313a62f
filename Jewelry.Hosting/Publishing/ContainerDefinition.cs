namespace Jewelry.Hosting;

/// <summary>How an infrastructure resource is deployed: the container image that replaces the local process.</summary>
internal sealed record ContainerDefinition(string Image, IReadOnlyDictionary<string, ReferenceExpression> Environment)
{
    public IReadOnlyList<string> Arguments { get; init; } = [];

    public static ContainerDefinition For(IResource resource) => resource switch
    {
        PostgresServerResource postgres => new("docker.io/library/postgres:15", new Dictionary<string, ReferenceExpression>
        {
            ["POSTGRES_HOST_AUTH_METHOD"] = ReferenceExpression.Literal("scram-sha-256"),
            ["POSTGRES_INITDB_ARGS"] = ReferenceExpression.Literal("--auth-host=scram-sha-256 --auth-local=scram-sha-256"),
            ["POSTGRES_USER"] = ReferenceExpression.Literal(PostgresServerResource.UserName),
            ["POSTGRES_PASSWORD"] = ReferenceExpression.Create($"{postgres.PasswordParameter}"),
        }),
        RabbitMQServerResource rabbitMQ => new(
            rabbitMQ.ManagementPluginEnabled ? "docker.io/library/rabbitmq:3.10-management" : "docker.io/library/rabbitmq:3.10",
            new Dictionary<string, ReferenceExpression>
            {
                ["RABBITMQ_DEFAULT_USER"] = ReferenceExpression.Literal(RabbitMQServerResource.UserName),
                ["RABBITMQ_DEFAULT_PASS"] = ReferenceExpression.Create($"{rabbitMQ.PasswordParameter}"),
            }),

        // s3rver is a local stand-in; deployments get MinIO, which speaks the same S3 API.
        S3StoreResource store => new("docker.io/minio/minio:latest", new Dictionary<string, ReferenceExpression>
        {
            ["MINIO_ROOT_USER"] = ReferenceExpression.Create($"{store.AccessKeyParameter}"),
            ["MINIO_ROOT_PASSWORD"] = ReferenceExpression.Create($"{store.SecretKeyParameter}"),
        })
        {
            Arguments = ["server", "/data"],
        },
        _ => throw new NotSupportedException($"Resource '{resource.Name}' has no container image to deploy."),
    };
}
