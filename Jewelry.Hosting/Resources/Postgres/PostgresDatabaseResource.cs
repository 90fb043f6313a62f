namespace Jewelry.Hosting;

/// <summary>A database inside a <see cref="PostgresServerResource"/>, created when the server is healthy.</summary>
public sealed class PostgresDatabaseResource : Resource, IResourceWithConnectionString, IResourceWithParent
{
    public PostgresDatabaseResource(string name, string databaseName, PostgresServerResource parent)
        : base(name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databaseName);
        DatabaseName = databaseName;
        Parent = parent;
        StartupTimeout = TimeSpan.FromSeconds(30);
    }

    public string DatabaseName { get; }

    public PostgresServerResource Parent { get; }

    IResource IResourceWithParent.Parent => Parent;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}
