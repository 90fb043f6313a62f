namespace Jewelry.Identity.Data;

/// <summary>
/// Creates OpenIddict's tables in the token server's own database when it has none. The schema is the library's,
/// not ours, and EF Core Design (to generate its migrations) is not served by the mirror; a new OpenIddict
/// version that changes its entities needs a migration then (README, Security).
/// </summary>
public sealed class IdentitySchemaCreator(IServiceScopeFactory scopes, ILogger<IdentitySchemaCreator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        if (await db.Database.EnsureCreatedAsync(cancellationToken))
        {
            logger.LogInformation("Token server schema created in {Database}", IdentityDbContext.ConnectionName);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
