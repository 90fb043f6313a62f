using System.Data.Common;
using System.Net.Sockets;
using Jewelry.Messaging.Publishing;
using RabbitMQ.Client.Exceptions;

namespace Jewelry.Messaging.Connection;

/// <summary>
/// Failures that come from a broker or database being away (closed connection, refused socket, timeout), which the
/// retry loops expect and survive: they are logged as one line with the reason, not a stack trace per attempt.
/// </summary>
public static class TransientFailures
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        AlreadyClosedException or BrokerUnreachableException or OperationInterruptedException or ConnectFailureException => true,
        IOException or SocketException or TimeoutException or DbException or MessagePublishException => true,
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };
}
