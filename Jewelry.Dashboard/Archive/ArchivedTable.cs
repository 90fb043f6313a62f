using Jewelry.Dashboard.Storage.Retention;
using Npgsql;

namespace Jewelry.Dashboard.Archive;

/// <summary>
/// A table whose rows the archive moves to S3: its rows are told apart by <see cref="IdColumn"/> and put in the hour
/// of <see cref="TimeColumn"/>. <see cref="AgeCondition"/> selects what is past the age cutoff (<c>@cutoff</c>);
/// <see cref="OverLimitBoundarySql"/> finds the newest row a size limit (<c>@limit</c>) removes, and
/// <see cref="OverLimitCondition"/> selects it and everything older (its columns as <c>@b0</c>, <c>@b1</c>, ...).
/// </summary>
internal sealed record ArchivedTable<TId>(
    ArchiveSignal Signal,
    string Table,
    string IdColumn,
    string TimeColumn,
    string AgeCondition,
    string OverLimitBoundarySql,
    string OverLimitCondition,
    Func<NpgsqlConnection, TId[], Stream, CancellationToken, Task<long>> ExportAsync,
    Func<NpgsqlConnection, TId[], CancellationToken, Task<RetentionResult>> DeleteAsync);
