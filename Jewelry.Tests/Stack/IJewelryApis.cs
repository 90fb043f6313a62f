using Jewelry.Hosting;

namespace Jewelry.Tests.Stack;

/// <summary>A running Jewelry stack with clients for its three APIs, whichever fixture started it.</summary>
public interface IJewelryApis
{
    DistributedApplication App { get; }

    HttpClient Shop { get; }

    HttpClient Crm { get; }

    HttpClient Mes { get; }

    /// <summary>Waits until the AppHost sees every resource healthy again, e.g. after a test restarted one.</summary>
    Task WaitUntilAllHealthyAsync();
}
