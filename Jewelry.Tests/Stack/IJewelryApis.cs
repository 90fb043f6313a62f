
namespace Jewelry.Tests.Stack;

/// <summary>A running Jewelry stack with clients for its three APIs, whichever fixture started it.</summary>
public interface IJewelryApis
{
    DistributedApplication App { get; }

    HttpClient Shop { get; }

    /// <summary>Signed in as the demo operator (<see cref="Security.OperatorTokenHandler"/>).</summary>
    HttpClient Crm { get; }

    /// <summary>Signed in as the demo operator on the operator routes; the seller routes get what a test sends.</summary>
    HttpClient Mes { get; }

    /// <summary>Waits until every resource is healthy again, e.g. after a test restarted one.</summary>
    Task WaitUntilAllHealthyAsync();
}
