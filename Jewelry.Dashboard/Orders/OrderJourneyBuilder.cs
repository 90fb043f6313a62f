using Jewelry.Dashboard.Otlp.Decoding;
using Jewelry.Dashboard.Storage.Queries;

namespace Jewelry.Dashboard.Orders;

/// <summary>Builds an order's journey from the spans that carry its id; pure, so it is tested without a store.</summary>
public static class OrderJourneyBuilder
{
    public static OrderJourney Build(string orderId, IReadOnlyList<OrderSpan> spans, OrderTrackingOptions options, DateTimeOffset now, bool truncated = false)
    {
        ArgumentOutOfRangeException.ThrowIfZero(spans.Count);
        var statuses = BuildStatuses(spans, options);
        var current = statuses.Count > 0 ? statuses[^1] : null;
        var stage = options.Find(current?.Status);
        var isFinal = stage is { Threshold: null };
        double? timeInCurrent = current is null || isFinal ? null : Math.Max(0, (now - current.EnteredAt).TotalMilliseconds);

        var firstSeen = spans.Min(s => s.StartTimeUnixNano);
        var lastSeen = spans.Max(s => s.EndTimeUnixNano);
        var total = current is null
            ? (lastSeen - firstSeen) / 1_000_000.0
            : (current.EnteredAt - statuses[0].EnteredAt).TotalMilliseconds + (timeInCurrent ?? 0);

        return new OrderJourney(
            orderId,
            current?.Status,
            current?.EnteredAt,
            timeInCurrent,
            isFinal,
            stage?.Service ?? current?.Service,
            stage?.Stage,
            UnixNano.ToDateTimeOffset(firstSeen),
            UnixNano.ToDateTimeOffset(lastSeen),
            total,
            statuses,
            BuildChains(spans, options),
            spans.Where(s => s.StatusCode == SpanStatusCode.Error)
                .OrderBy(s => s.EndTimeUnixNano)
                .Select(s => new JourneyError(UnixNano.ToDateTimeOffset(s.EndTimeUnixNano), HopClassification.Classify(s.Attributes), s.ServiceName, s.Name, Reason(s), s.TraceId, s.SpanId))
                .ToList(),
            PendingMessages(spans, options, now),
            spans.Count,
            truncated);
    }

    /// <summary>The journey with its header as the state kept at ingest has it: the status the order is in since when, and the messages it waits on.</summary>
    public static OrderJourney WithCurrentStatus(
        OrderJourney journey, string status, DateTimeOffset since, IReadOnlyList<LostMessage> pendingMessages, OrderTrackingOptions options, DateTimeOffset now)
    {
        var stage = options.Find(status);
        var isFinal = stage is { Threshold: null };
        return journey with
        {
            CurrentStatus = status,
            CurrentStatusSince = since,
            TimeInCurrentStatusMs = isFinal ? null : Math.Max(0, (now - since).TotalMilliseconds),
            IsFinal = isFinal,
            CurrentService = stage?.Service ?? journey.CurrentService,
            CurrentStage = stage?.Stage,
            PendingMessages = pendingMessages,
        };
    }

    /// <summary>Confirmed messages of the order with no processing span of the same message id among its spans.</summary>
    private static List<LostMessage> PendingMessages(IReadOnlyList<OrderSpan> spans, OrderTrackingOptions options, DateTimeOffset now)
    {
        var processed = spans.Where(s => s.Kind == SpanKind.Consumer).Select(s => s.Attribute("messaging.message.id")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return spans
            .Where(s => s.Kind == SpanKind.Producer && s.Attribute("messaging.rabbitmq.confirmed") == "true"
                && s.Attribute("messaging.message.id") is { } id && !processed.Contains(id))
            .OrderBy(s => s.EndTimeUnixNano)
            .Select(s => LostMessage.FromProducer(s, options, now))
            .ToList();
    }

    /// <summary>Why a span failed, in the words it gave: its status message, a dead-letter reason, or its error type.</summary>
    public static string Reason(OrderSpan span) =>
        Reason(span.StatusMessage, span.Attribute(MessagingAttributes.DeadLetterReason), span.Attribute(MessagingAttributes.ErrorType));

    /// <summary>A failed span's reason: its status message, else the dead-letter reason, else its <c>error.type</c>.</summary>
    public static string Reason(string? statusMessage, string? deadLetterReason, string? errorType) =>
        statusMessage is { Length: > 0 } message ? message : deadLetterReason ?? errorType ?? "failed (no reason recorded)";

    private static List<JourneyStatus> BuildStatuses(IReadOnlyList<OrderSpan> spans, OrderTrackingOptions options)
    {
        // A failed transition did not happen: it shows as an error, not as a status the order entered.
        var entered = spans
            .Where(s => s.StatusCode != SpanStatusCode.Error && s.Attribute(HopClassification.StatusToAttribute) is not null)
            .OrderBy(s => s.EndTimeUnixNano)
            .ThenBy(s => options.IndexOf(s.Attribute(HopClassification.StatusToAttribute)))
            .ToList();
        var statuses = new List<JourneyStatus>(entered.Count);
        for (var i = 0; i < entered.Count; i++)
        {
            var span = entered[i];
            var status = span.Attribute(HopClassification.StatusToAttribute)!;
            var stage = options.Find(status);
            double? duration = i + 1 < entered.Count ? (entered[i + 1].EndTimeUnixNano - span.EndTimeUnixNano) / 1_000_000.0 : null;
            statuses.Add(new JourneyStatus(
                status,
                span.Attribute(HopClassification.StatusFromAttribute),
                UnixNano.ToDateTimeOffset(span.EndTimeUnixNano),
                duration,
                stage?.Service ?? span.ServiceName,
                stage?.Stage ?? string.Empty,
                span.TraceId,
                span.SpanId));
        }

        return statuses;
    }

    private static List<JourneyChain> BuildChains(IReadOnlyList<OrderSpan> spans, OrderTrackingOptions options) =>
        spans.GroupBy(s => s.TraceId, StringComparer.Ordinal)
            .Select(trace => BuildChain(trace.OrderBy(s => s.StartTimeUnixNano).ThenBy(s => s.SpanId, StringComparer.Ordinal).ToList(), options))
            .OrderBy(chain => chain.StartTime)
            .ToList();

    private static JourneyChain BuildChain(List<OrderSpan> spans, OrderTrackingOptions options)
    {
        var byId = spans.ToDictionary(s => s.SpanId, StringComparer.Ordinal);
        var root = spans.FirstOrDefault(s => s.ParentSpanId is null || !byId.ContainsKey(s.ParentSpanId)) ?? spans[0];
        var start = spans[0].StartTimeUnixNano;
        var end = spans.Max(s => s.EndTimeUnixNano);
        var hops = TreeOrder(spans, byId).Select(s => new JourneyHop(
                HopClassification.Classify(s.Attributes),
                s.ServiceName,
                s.Name,
                HopDetail.Describe(s, options),
                UnixNano.ToDateTimeOffset(s.StartTimeUnixNano),
                (s.StartTimeUnixNano - start) / 1_000_000.0,
                (s.EndTimeUnixNano - s.StartTimeUnixNano) / 1_000_000.0,
                s.StatusCode == SpanStatusCode.Error ? Reason(s) : null,
                s.SpanId,
                s.ParentSpanId,
                Depth(s, byId)))
            .ToList();
        return new JourneyChain(
            root.TraceId,
            root.Name,
            root.ServiceName,
            UnixNano.ToDateTimeOffset(start),
            (end - start) / 1_000_000.0,
            spans.Count(s => s.StatusCode == SpanStatusCode.Error),
            spans.Select(s => s.ServiceName).Distinct(StringComparer.Ordinal).ToList(),
            spans.Where(s => s.StatusCode != SpanStatusCode.Error)
                .Select(s => s.Attribute(HopClassification.StatusToAttribute))
                .OfType<string>()
                .ToList(),
            hops);
    }

    /// <summary>
    /// Each span right under its parent (children by start time), as the trace waterfall shows them, so a late span of
    /// one service never sits among another's hops. Spans whose parent is not in the chain start their own subtree.
    /// </summary>
    private static List<OrderSpan> TreeOrder(List<OrderSpan> spans, Dictionary<string, OrderSpan> byId)
    {
        var children = spans
            .Where(s => s.ParentSpanId is { } parent && byId.ContainsKey(parent))
            .ToLookup(s => s.ParentSpanId!, StringComparer.Ordinal);
        var ordered = new List<OrderSpan>(spans.Count);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<OrderSpan>();
        foreach (var root in spans.Where(s => s.ParentSpanId is null || !byId.ContainsKey(s.ParentSpanId)).Reverse())
        {
            pending.Push(root);
        }

        while (pending.Count > 0)
        {
            var span = pending.Pop();
            if (!visited.Add(span.SpanId))
            {
                continue;
            }

            ordered.Add(span);
            foreach (var child in children[span.SpanId].Reverse())
            {
                pending.Push(child);
            }
        }

        // A parent cycle in a malformed trace leaves spans unreached: they still show, at the end.
        ordered.AddRange(spans.Where(s => !visited.Contains(s.SpanId)));
        return ordered;
    }

    private static int Depth(OrderSpan span, Dictionary<string, OrderSpan> byId)
    {
        var depth = 0;
        var current = span;

        // Bounded: a malformed trace could contain a parent cycle.
        while (current.ParentSpanId is { } parentId && byId.TryGetValue(parentId, out var parent) && depth < byId.Count)
        {
            depth++;
            current = parent;
        }

        return depth;
    }
}
