namespace Jewelry.Benchmarks.Dashboard;

internal sealed record TableSize(string Table, long Rows, long Bytes);
