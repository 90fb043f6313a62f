namespace Jewelry.Hosting.Postgres;

/// <summary>What the local server has in common with Aspire's PostgreSQL container, so a service cannot tell them apart.</summary>
internal static class LocalPostgresNames
{
    public const string UserName = "postgres";
    public const string PrimaryEndpointName = "tcp";

    /// <summary>The maintenance database every server has: health checks and CREATE DATABASE connect to it.</summary>
    public const string MaintenanceDatabase = "postgres";
}
