namespace Jewelry.Dashboard.Orders;

/// <summary>What a span of an order's journey is: a status change, or a hop through a service, queue, database or store.</summary>
public enum HopKind
{
    /// <summary>An <c>order.transition</c> span: the order entered a status.</summary>
    Status,

    /// <summary>An HTTP request served or sent.</summary>
    Http,

    /// <summary>A message published to, or processed from, RabbitMQ.</summary>
    Queue,

    /// <summary>A database command.</summary>
    Database,

    /// <summary>A call to the S3 model store.</summary>
    Store,

    /// <summary>Anything else the services chose to trace.</summary>
    Internal,
}
