namespace Jewelry.Dashboard.Broker;

/// <summary><c>Dashboard:RabbitMQ</c>: the broker's management API, read for queue depths. Without a URL nothing is read.</summary>
public sealed class BrokerMetricsOptions
{
    public const string SectionName = "Dashboard:RabbitMQ";

    /// <summary>The management plugin's address, e.g. <c>http://localhost:15672</c>.</summary>
    public Uri? ManagementUrl { get; set; }

    public string UserName { get; set; } = "guest";

    public string? Password { get; set; }

    /// <summary>How often the queues are read and stored.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The <c>service.name</c> the stored points carry: the broker's resource name.</summary>
    public string ServiceName { get; set; } = "messaging";
}
