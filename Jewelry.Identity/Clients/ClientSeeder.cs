using System.Globalization;
using Jewelry.Contracts.Security;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Jewelry.Identity.Clients;

/// <summary>
/// Writes the configured clients through OpenIddict's application manager at startup, after the schema exists:
/// new ones are created, existing ones get the configured secret, name and scopes. The manager stores only a hash
/// of each secret. The operator console (<see cref="OperatorConsole"/>) is always there. Clients removed from configuration stay (revoke them by removing their scopes).
/// </summary>
public sealed class ClientSeeder(IServiceScopeFactory scopes, IOptions<ClientsOptions> options, ILogger<ClientSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var clients = options.Value.Clients;
        var problems = ClientRules.CheckAll(clients);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The configured clients are not valid: " + string.Join(" ", problems));
        }

        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        foreach (var descriptor in clients.Select(Describe).Append(OperatorConsoleClient()))
        {
            var existing = await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken);
            if (existing is null)
            {
                await applications.CreateAsync(descriptor, cancellationToken);
                logger.LogInformation("Client {ClientId} added", descriptor.ClientId);
            }
            else
            {
                await applications.UpdateAsync(existing, descriptor, cancellationToken);
            }
        }
    }

    /// <summary>Public (no secret: the operator's password is the proof) and limited to the password grant.</summary>
    private static OpenIddictApplicationDescriptor OperatorConsoleClient() => new()
    {
        ClientId = OperatorConsole.ClientId,
        ClientType = ClientTypes.Public,
        DisplayName = "Operator console",
        Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.Password },
    };

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static OpenIddictApplicationDescriptor Describe(ClientOptions client)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = client.Secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = client.DisplayName,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        if (client.AccessTokenLifetime is { } lifetime)
        {
            descriptor.Settings[Settings.TokenLifetimes.AccessToken] = lifetime.ToString("c", CultureInfo.InvariantCulture);
        }

        foreach (var clientScope in client.Scopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + clientScope);
        }

        return descriptor;
    }
}
