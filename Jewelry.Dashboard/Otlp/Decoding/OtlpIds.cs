using Google.Protobuf;

namespace Jewelry.Dashboard.Otlp.Decoding;

internal static class OtlpIds
{
    public const int TraceIdLength = 16;
    public const int SpanIdLength = 8;

    public static bool IsValidTraceId(ByteString id) => id.Length == TraceIdLength && !IsAllZero(id.Span);

    public static bool IsValidSpanId(ByteString id) => id.Length == SpanIdLength && !IsAllZero(id.Span);

    /// <summary>An optional id (parent span, log correlation): empty or all zero means "none".</summary>
    public static byte[]? Optional(ByteString id, int length) =>
        id.Length == length && !IsAllZero(id.Span) ? id.ToByteArray() : null;

    private static bool IsAllZero(ReadOnlySpan<byte> bytes) => !bytes.ContainsAnyExcept((byte)0);
}
