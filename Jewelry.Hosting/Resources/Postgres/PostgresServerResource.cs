namespace Jewelry.Hosting;

/// <summary>A PostgreSQL server; locally the Debian binaries run on a free port with a data folder per run.</summary>
public sealed class PostgresServerResource : Resource, IResourceWithConnectionString, IResourceWithEndpoints
{
    public const string PrimaryEndpointName = "tcp";
    public const string UserName = "postgres";

    public PostgresServerResource(string name, ParameterResource password)
        : base(name)
    {
        PasswordParameter = password;
        Endpoints = [new EndpointAnnotation(PrimaryEndpointName, "tcp", targetPort: 5432)];
        PrimaryEndpoint = new EndpointReference(this, PrimaryEndpointName);
    }

    public ParameterResource PasswordParameter { get; }

    public IReadOnlyList<EndpointAnnotation> Endpoints { get; }

    public EndpointReference PrimaryEndpoint { get; }

    public IList<PostgresDatabaseResource> Databases { get; } = [];

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={UserName};Password={PasswordParameter}");
}
