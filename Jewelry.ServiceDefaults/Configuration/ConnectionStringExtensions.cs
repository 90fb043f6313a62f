using Microsoft.Extensions.Configuration;

namespace Jewelry.ServiceDefaults.Configuration;

internal static class ConnectionStringExtensions
{
    /// <summary><c>ConnectionStrings:{name}</c>, which the AppHost injects as <c>ConnectionStrings__{name}</c>.</summary>
    public static string GetRequiredConnectionString(this IConfiguration configuration, string name)
    {
        var connectionString = configuration.GetConnectionString(name);

        return string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException(
                $"The connection string 'ConnectionStrings:{name}' is not configured. The AppHost sets it as ConnectionStrings__{name}.")
            : connectionString;
    }
}
