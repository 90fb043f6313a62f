using Jewelry.Hosting.Postgres;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A PostgreSQL server run from the machine's own binaries (Debian's postgresql package) as an executable, with the
/// connection string of Aspire's PostgreSQL container: a service cannot tell which one it got.
/// </summary>
public sealed class LocalPostgresServerResource : ExecutableResource, IResourceWithConnectionString
{
    private readonly List<LocalPostgresDatabaseResource> _databases = [];

    public LocalPostgresServerResource(string name, ParameterResource password, string command, string workingDirectory)
        : base(name, command, workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(password);
        PasswordParameter = password;
        PrimaryEndpoint = new EndpointReference(this, LocalPostgresNames.PrimaryEndpointName);
    }

    public ParameterResource PasswordParameter { get; }

    public EndpointReference PrimaryEndpoint { get; }

    /// <summary>The databases created once the server is healthy.</summary>
    public IReadOnlyList<LocalPostgresDatabaseResource> Databases => _databases;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.IPV4Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={LocalPostgresNames.UserName};Password={PasswordParameter}");

    internal void AddDatabase(LocalPostgresDatabaseResource database) => _databases.Add(database);
}
