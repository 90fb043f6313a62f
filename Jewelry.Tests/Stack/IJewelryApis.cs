
namespace Jewelry.Tests.Stack;

/// <summary>A running Jewelry stack with clients for its three APIs, whichever fixture started it.</summary>
public interface IJewelryApis
{
    DistributedApplication App { get; }

    HttpClient Shop { get; }

    HttpClient Crm { get; }

    HttpClient Mes { get; }

    /// <summary>Waits until every resource is healthy again, e.g. after a test restarted one.</summary>
    Task WaitUntilAllHealthyAsync();
}
