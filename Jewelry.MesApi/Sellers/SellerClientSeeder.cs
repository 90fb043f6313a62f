using Jewelry.MesApi.Data;
using Jewelry.MesApi.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jewelry.MesApi.Sellers;

/// <summary>
/// Writes the configured sellers into <c>seller_clients</c> at startup, after the migration: new ones are
/// added, a changed secret or name is updated. Sellers removed from configuration stay: they own orders.
/// </summary>
public sealed class SellerClientSeeder(
    IServiceScopeFactory scopes,
    IOptions<SellersOptions> options,
    TimeProvider clock,
    ILogger<SellerClientSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var clients = options.Value.Clients;
        var problems = clients.SelectMany(SellerClientRules.Check).ToList();
        if (clients.Select(c => c.ClientId).Distinct(StringComparer.Ordinal).Count() != clients.Count)
        {
            problems.Add("Sellers:Clients has the same ClientId more than once.");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The configured sellers are not valid: " + string.Join(" ", problems));
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MesDbContext>();
        var ids = clients.Select(c => c.ClientId).ToList();
        var existing = await db.SellerClients.Where(c => ids.Contains(c.ClientId)).ToDictionaryAsync(c => c.ClientId, StringComparer.Ordinal, cancellationToken);

        foreach (var client in clients)
        {
            if (!existing.TryGetValue(client.ClientId, out var stored))
            {
                db.SellerClients.Add(new SellerClient
                {
                    ClientId = client.ClientId,
                    Name = client.Name,
                    SecretHash = ClientSecretHasher.Hash(client.Secret),
                    CreatedAt = clock.GetUtcNow(),
                });
                logger.LogInformation("Seller client {ClientId} added", client.ClientId);
                continue;
            }

            stored.Name = client.Name;
            if (!ClientSecretHasher.Verify(client.Secret, stored.SecretHash))
            {
                stored.SecretHash = ClientSecretHasher.Hash(client.Secret);
                logger.LogInformation("Seller client {ClientId}: secret changed", client.ClientId);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
