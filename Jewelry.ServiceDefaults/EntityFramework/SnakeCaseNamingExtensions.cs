using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Jewelry.ServiceDefaults.EntityFramework;

public static class SnakeCaseNamingExtensions
{
    /// <summary>
    /// Names tables, columns, keys, foreign keys and indexes in snake_case (<c>StatusChangedAt</c> →
    /// <c>status_changed_at</c>, <c>PK_orders</c> → <c>pk_orders</c>). Call it last in <c>OnModelCreating</c>.
    /// Names configured explicitly are kept (e.g. <c>xmin</c> for a row version).
    /// </summary>
    public static ModelBuilder UseSnakeCaseNames(this ModelBuilder modelBuilder)
    {
        var entityTypes = modelBuilder.Model.GetEntityTypes().ToList();

        // Tables and columns first: key, foreign key and index names are derived from them.
        foreach (var entityType in entityTypes)
        {
            if (((IConventionEntityType)entityType).GetTableNameConfigurationSource() is not ConfigurationSource.Explicit
                && entityType.GetTableName() is { } table)
            {
                entityType.SetTableName(ToSnakeCase(table));
            }

            foreach (var property in entityType.GetProperties())
            {
                if (((IConventionProperty)property).GetColumnNameConfigurationSource() is not ConfigurationSource.Explicit)
                {
                    property.SetColumnName(ToSnakeCase(property.Name));
                }
            }
        }

        foreach (var entityType in entityTypes)
        {
            foreach (var key in entityType.GetKeys())
            {
                key.SetName(ToSnakeCase(key.GetDefaultName()!));
            }

            foreach (var foreignKey in entityType.GetForeignKeys())
            {
                foreignKey.SetConstraintName(ToSnakeCase(foreignKey.GetDefaultName()!));
            }

            foreach (var index in entityType.GetIndexes())
            {
                index.SetDatabaseName(ToSnakeCase(index.GetDefaultDatabaseName()!));
            }
        }

        return modelBuilder;
    }

    public static string ToSnakeCase(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
