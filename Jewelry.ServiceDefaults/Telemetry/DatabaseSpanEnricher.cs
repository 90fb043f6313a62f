using System.Diagnostics;
using OpenTelemetry;

namespace Jewelry.ServiceDefaults.Telemetry;

/// <summary>
/// Names Npgsql's command spans for what they do (<c>SELECT orders</c>) and adds <c>db.operation.name</c>
/// and <c>db.collection.name</c>, so a database hop can be read without parsing SQL.
/// </summary>
internal sealed class DatabaseSpanEnricher : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        if (data.Source.Name != "Npgsql" || data.GetTagItem("db.query.text") is not string sql)
        {
            return;
        }

        var (operation, table) = SqlSummary.Summarize(sql);
        if (operation is null)
        {
            return;
        }

        data.SetTag("db.operation.name", operation);
        if (table is not null)
        {
            data.SetTag("db.collection.name", table);
        }

        var statements = SqlSummary.StatementCount(sql);
        if (statements > 1)
        {
            data.SetTag("db.operation.batch.size", statements);
        }

        data.DisplayName = table is null ? operation : $"{operation} {table}";
    }
}
