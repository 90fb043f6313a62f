namespace Jewelry.Dashboard.Orders;

/// <summary>
/// How many orders wait past the threshold of one status, all of them (the report lists at most
/// <see cref="StuckOrderQueries.MaxRows"/>), and the longest wait: what alert rules count.
/// </summary>
public sealed record StuckStatusCount(string Status, long Count, double LongestWaitingMs);
