using System.Text.RegularExpressions;
using Jewelry.MesApi.Data;
using Jewelry.ShopData.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Jewelry.Tests.ServiceDefaults;

/// <summary>
/// The migrations are hand-written, so these checks stand in for the tooling: the snapshot matches the
/// model (EF Core refuses to migrate otherwise) and the migrations create exactly the schema the model
/// describes. Both compare generated SQL; no database is needed.
/// </summary>
public sealed partial class MigrationsTests
{
    private static ShopDbContext Shop()
        => new(new DbContextOptionsBuilder<ShopDbContext>().UseNpgsql("Host=localhost;Database=shopdb").Options);

    private static MesDbContext Mes()
        => new(new DbContextOptionsBuilder<MesDbContext>().UseNpgsql("Host=localhost;Database=mesdb").Options);

    [Fact]
    public void The_shop_snapshot_matches_the_model()
    {
        using var shop = Shop();
        Assert.False(shop.Database.HasPendingModelChanges());
    }

    [Fact]
    public void The_mes_snapshot_matches_the_model()
    {
        using var mes = Mes();
        Assert.False(mes.Database.HasPendingModelChanges());
    }

    [Fact]
    public void The_shop_migrations_create_the_schema_of_the_model()
    {
        using var shop = Shop();
        AssertMigrationsCreateTheModel(shop);
    }

    [Fact]
    public void The_mes_migrations_create_the_schema_of_the_model()
    {
        using var mes = Mes();
        AssertMigrationsCreateTheModel(mes);
    }

    private static void AssertMigrationsCreateTheModel(DbContext context)
    {
        var fromModel = SchemaStatements(context.Database.GenerateCreateScript());
        var fromMigrations = SchemaStatements(context.GetService<IMigrator>().GenerateScript());

        Assert.NotEmpty(fromModel);
        Assert.Equal(fromModel, fromMigrations);
    }

    private static List<string> SchemaStatements(string script)
        => [.. script
            .Split(';')
            .Select(statement => Whitespace().Replace(statement, " ").Trim())
            .Where(statement => statement.StartsWith("CREATE ", StringComparison.Ordinal)
                && !statement.Contains("__EFMigrationsHistory", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
