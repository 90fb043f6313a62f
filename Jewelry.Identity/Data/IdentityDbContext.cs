using Microsoft.EntityFrameworkCore;

namespace Jewelry.Identity.Data;

/// <summary>OpenIddict's applications (the clients), authorizations, scopes and tokens, in <c>identitydb</c>.</summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options)
{
    public const string ConnectionName = "identitydb";
}
