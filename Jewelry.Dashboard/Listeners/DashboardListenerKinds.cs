namespace Jewelry.Dashboard.Listeners;

/// <summary>What a listening port serves. One port may serve several when their URLs are equal.</summary>
[Flags]
public enum DashboardListenerKinds
{
    None = 0,
    Frontend = 1,
    OtlpGrpc = 2,
    OtlpHttp = 4,
}
