using System.Buffers.Binary;
using System.Text;

namespace Jewelry.Dashboard.Otlp;

/// <summary>
/// The gRPC wire format of a unary call: one length-prefixed message (1 byte compressed flag,
/// 4 bytes big-endian length, the protobuf bytes), and percent-encoded <c>grpc-message</c> trailers.
/// </summary>
internal static class GrpcMessageFraming
{
    public const int HeaderLength = 5;

    /// <summary>The single message of a unary request, inflated when its compressed flag is set.</summary>
    public static byte[] ReadSingleMessage(byte[] body, string? grpcEncoding, int maxBytes)
    {
        if (body.Length < HeaderLength)
        {
            throw new OtlpFormatException("The request does not hold a length-prefixed gRPC message.");
        }

        var compressed = body[0];
        var length = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1, 4));
        if (compressed > 1 || length != body.Length - HeaderLength)
        {
            throw new OtlpFormatException("A unary gRPC request must hold exactly one length-prefixed message.");
        }

        var message = body.AsSpan(HeaderLength);
        if (compressed == 0)
        {
            return message.ToArray();
        }

        if (!string.Equals(grpcEncoding, "gzip", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException($"Message compression '{grpcEncoding}' is not supported; use gzip or identity.");
        }

        return OtlpPayload.Gunzip(message, maxBytes);
    }

    public static byte[] Frame(ReadOnlySpan<byte> message)
    {
        var framed = new byte[HeaderLength + message.Length];
        BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1, 4), (uint)message.Length);
        message.CopyTo(framed.AsSpan(HeaderLength));
        return framed;
    }

    public static string EncodeMessage(string message)
    {
        var builder = new StringBuilder(message.Length);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E and not (byte)'%')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
