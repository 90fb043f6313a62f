namespace Jewelry.Dashboard.Storage.Queries;

public enum SpanStatusCode
{
    Unset = 0,
    Ok = 1,
    Error = 2,
}
