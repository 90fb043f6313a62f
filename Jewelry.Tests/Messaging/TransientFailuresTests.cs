using System.Net.Sockets;
using Jewelry.Messaging.Connection;
using Jewelry.Messaging.Publishing;
using RabbitMQ.Client.Exceptions;

namespace Jewelry.Tests.Messaging;

/// <summary>A broker or database that is away is logged as one line per retry; anything else keeps its stack trace.</summary>
[Trait("Category", "Unit")]
public sealed class TransientFailuresTests
{
    public static TheoryData<Exception> Transient => new()
    {
        new SocketException((int)SocketError.ConnectionRefused),
        new IOException("connection reset"),
        new TimeoutException(),
        new MessagePublishException("The broker did not confirm message 1 within 10 s."),
        new InvalidOperationException("wrapped", new BrokerUnreachableException(new IOException("refused"))),
    };

    [Theory]
    [MemberData(nameof(Transient))]
    public void Connection_failures_are_transient(Exception failure)
        => Assert.True(TransientFailures.IsTransient(failure));

    [Fact]
    public void A_bug_is_not()
        => Assert.False(TransientFailures.IsTransient(new ArgumentException("a handler bug")));
}
