namespace Jewelry.Dashboard.Storage;

public sealed record TableStatistics(string Table, long ApproximateRows, long TotalBytes);
