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
[Trait("Category", "Unit")]
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

    /// <summary>
    /// The schema a script leaves behind, one CREATE statement per table and index, table items in a fixed
    /// order: what later migrations add or drop (ALTER TABLE ... ADD, DROP INDEX) is replayed onto what
    /// earlier ones created, so several migrations compare equal to the model's single create script.
    /// </summary>
    private static List<string> SchemaStatements(string script)
    {
        var tables = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var indexes = new Dictionary<string, string>(StringComparer.Ordinal);
        var others = new List<string>();

        foreach (var statement in script.Split(';').Select(statement => Whitespace().Replace(statement, " ").Trim()))
        {
            if (statement.Contains("__EFMigrationsHistory", StringComparison.Ordinal))
            {
                continue;
            }

            if (CreateTable().Match(statement) is { Success: true } create)
            {
                tables[create.Groups["table"].Value] = SplitTopLevel(create.Groups["body"].Value);
            }
            else if (AlterTable().Match(statement) is { Success: true } alter)
            {
                ReplayAlterTable(tables[alter.Groups["table"].Value], alter.Groups["action"].Value, statement);
            }
            else if (CreateIndex().Match(statement) is { Success: true } index)
            {
                indexes[index.Groups["name"].Value] = statement;
            }
            else if (statement.StartsWith("DROP INDEX ", StringComparison.Ordinal))
            {
                Assert.True(indexes.Remove(statement["DROP INDEX ".Length..]), $"Drops an index no migration created: {statement}");
            }
            else if (statement.StartsWith("DROP TABLE ", StringComparison.Ordinal))
            {
                Assert.True(tables.Remove(statement["DROP TABLE ".Length..]), $"Drops a table no migration created: {statement}");
            }
            else if (statement.StartsWith("CREATE ", StringComparison.Ordinal))
            {
                others.Add(statement);
            }
            else if (statement.StartsWith("ALTER ", StringComparison.Ordinal) || statement.StartsWith("DROP ", StringComparison.Ordinal))
            {
                Assert.Fail($"The schema comparison cannot replay this statement yet; teach it: {statement}");
            }
        }

        return [.. tables
            .Select(table => $"CREATE TABLE {table.Key} ({string.Join(", ", table.Value.Order(StringComparer.Ordinal))})")
            .Concat(indexes.Values)
            .Concat(others)
            .Order(StringComparer.Ordinal)];
    }

    private static void ReplayAlterTable(List<string> items, string action, string statement)
    {
        if (action.StartsWith("ADD ", StringComparison.Ordinal))
        {
            items.Add(action["ADD ".Length..]);
        }
        else if (action.StartsWith("DROP COLUMN ", StringComparison.Ordinal))
        {
            var column = action["DROP COLUMN ".Length..];
            Assert.Equal(1, items.RemoveAll(item => item.StartsWith(column + " ", StringComparison.Ordinal)));
        }
        else if (action.StartsWith("DROP CONSTRAINT ", StringComparison.Ordinal))
        {
            var constraint = action["DROP CONSTRAINT ".Length..];
            Assert.Equal(1, items.RemoveAll(item => item.StartsWith($"CONSTRAINT {constraint} ", StringComparison.Ordinal)));
        }
        else
        {
            Assert.Fail($"The schema comparison cannot replay this statement yet; teach it: {statement}");
        }
    }

    /// <summary>Splits a CREATE TABLE body at the commas between its items, not those inside parentheses.</summary>
    private static List<string> SplitTopLevel(string body)
    {
        var items = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < body.Length; i++)
        {
            depth += body[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (body[i] == ',' && depth == 0)
            {
                items.Add(body[start..i].Trim());
                start = i + 1;
            }
        }

        items.Add(body[start..].Trim());
        return items;
    }

    [GeneratedRegex(@"^CREATE TABLE (?<table>\S+) \((?<body>.*)\)$")]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"^ALTER TABLE (?<table>\S+) (?<action>.+)$")]
    private static partial Regex AlterTable();

    [GeneratedRegex(@"^CREATE (UNIQUE )?INDEX (?<name>\S+) ON ")]
    private static partial Regex CreateIndex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
