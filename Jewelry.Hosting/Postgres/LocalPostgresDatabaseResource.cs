namespace Aspire.Hosting.ApplicationModel;

/// <summary>A database of a <see cref="LocalPostgresServerResource"/>, created when the server is healthy.</summary>
public sealed class LocalPostgresDatabaseResource : Resource, IResourceWithParent<LocalPostgresServerResource>, IResourceWithConnectionString
{
    public LocalPostgresDatabaseResource(string name, string databaseName, LocalPostgresServerResource parent)
        : base(name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databaseName);
        ArgumentNullException.ThrowIfNull(parent);
        DatabaseName = databaseName;
        Parent = parent;
    }

    public string DatabaseName { get; }

    public LocalPostgresServerResource Parent { get; }

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}
