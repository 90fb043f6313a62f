namespace Jewelry.Hosting;

/// <summary>A port a resource listens on. Locally it is a free port on 127.0.0.1 chosen at start; when deployed, <see cref="TargetPort"/>.</summary>
public sealed class EndpointAnnotation(string name, string uriScheme, int? targetPort = null, string? transport = null)
{
    public const string LocalHost = "127.0.0.1";

    public string Name { get; } = name;

    public string UriScheme { get; } = uriScheme;

    /// <summary>The port inside the container when deployed (5432 for PostgreSQL); null lets the platform choose.</summary>
    public int? TargetPort { get; } = targetPort;

    /// <summary>http for HTTP endpoints, tcp otherwise.</summary>
    public string Transport { get; } = transport ?? (uriScheme is "http" or "https" ? "http" : "tcp");

    /// <summary>The local port, chosen when the application starts and kept when a single resource restarts.</summary>
    public int? AllocatedPort { get; internal set; }

    public int Port => AllocatedPort
        ?? throw new InvalidOperationException($"Endpoint '{Name}' has no port yet: ports are chosen when the application starts.");

    public Uri Url => new($"{UriScheme}://{LocalHost}:{Port}");
}
