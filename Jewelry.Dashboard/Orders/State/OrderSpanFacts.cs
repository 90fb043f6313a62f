using System.Text.Json;
using Jewelry.Dashboard.Ingest.Records;
using Jewelry.Dashboard.Storage.Queries;

namespace Jewelry.Dashboard.Orders.State;

/// <summary>
/// What the state kept at ingest needs of one span that carries an order id or a message id, read once from its
/// attributes as it is written: the status it entered, the message it published or consumed, its failure.
/// </summary>
public sealed record OrderSpanFacts
{
    public required SpanRecord Span { get; init; }

    public string? OrderId { get; init; }

    public string? StatusTo { get; init; }

    public string? MessageId { get; init; }

    public bool Confirmed { get; init; }

    public bool DeadLettered { get; init; }

    public string? Exchange { get; init; }

    public string? RoutingKey { get; init; }

    public string? Queue { get; init; }

    public string? ErrorType { get; init; }

    public required HopKind HopKind { get; init; }

    public bool Failed => Span.StatusCode == (short)SpanStatusCode.Error;

    public string? DeadLetterReason { get; init; }

    /// <summary>Why the span failed or was dead-lettered, as the journey shows it; null for a span that did neither.</summary>
    public string? Reason { get; init; }

    /// <summary>The facts of <paramref name="span"/>, or null when it carries neither an order id nor a message id, or an order id no order has.</summary>
    public static OrderSpanFacts? From(SpanRecord span)
    {
        if (!span.AttributesJson.Contains(HopClassification.OrderIdAttribute, StringComparison.Ordinal)
            && !span.AttributesJson.Contains(MessagingAttributes.MessageId, StringComparison.Ordinal))
        {
            return null;
        }

        using var document = JsonDocument.Parse(span.AttributesJson);
        var attributes = document.RootElement;
        var orderId = Text(attributes, HopClassification.OrderIdAttribute);
        var messageId = Text(attributes, MessagingAttributes.MessageId);
        if (orderId is { Length: > OrderIds.MaxLength })
        {
            orderId = null;
        }

        if (orderId is null && messageId is null)
        {
            return null;
        }

        var deadLettered = Text(attributes, MessagingAttributes.DeadLettered) == "true";
        var failed = span.StatusCode == (short)SpanStatusCode.Error;
        var errorType = Text(attributes, MessagingAttributes.ErrorType);
        var deadLetterReason = Text(attributes, MessagingAttributes.DeadLetterReason);
        return new OrderSpanFacts
        {
            Span = span,
            OrderId = orderId,
            StatusTo = Text(attributes, HopClassification.StatusToAttribute),
            MessageId = messageId,
            Confirmed = Text(attributes, MessagingAttributes.Confirmed) == "true",
            DeadLettered = deadLettered,
            Exchange = Text(attributes, MessagingAttributes.DestinationName),
            RoutingKey = Text(attributes, MessagingAttributes.RoutingKey),
            Queue = Text(attributes, MessagingAttributes.Queue),
            ErrorType = errorType,
            HopKind = HopClassification.Classify(attributes),
            DeadLetterReason = deadLetterReason,
            Reason = deadLettered || failed ? OrderJourneyBuilder.Reason(span.StatusMessage, deadLetterReason, errorType) : null,
        };
    }

    private static string? Text(JsonElement attributes, string key) => AttributeText.Read(attributes, key);
}
