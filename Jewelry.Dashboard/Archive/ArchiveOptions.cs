namespace Jewelry.Dashboard.Archive;

/// <summary><c>Dashboard:Archive</c>: telemetry that retention removes (by age or by a size limit) goes to S3 before it is deleted.</summary>
public sealed class ArchiveOptions
{
    public const string SectionName = "Dashboard:Archive";

    /// <summary>Off (the default): retention deletes, as without an archive.</summary>
    public bool Enabled { get; set; }

    /// <summary>The connection string naming the S3 store (<c>ConnectionStrings:models</c> in the Aspire stack).</summary>
    public string ConnectionName { get; set; } = "models";

    /// <summary>The bucket of the archive, created when missing; never the store's own bucket of models.</summary>
    public string Bucket { get; set; } = "telemetry-archive";

    /// <summary>How long imported telemetry stays before retention removes it again (without archiving it twice).</summary>
    public TimeSpan ImportKeep { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// While S3 does not take what a size limit removes, the store keeps up to this fraction more than the limit
    /// (0.1: 10 % more); beyond it retention deletes the oldest without archiving them, logged and counted.
    /// </summary>
    public double SizeLimitMargin { get; set; } = 0.1;

    /// <summary>The longest date range one import may ask for.</summary>
    public TimeSpan MaxImportRange { get; set; } = TimeSpan.FromDays(31);
}
