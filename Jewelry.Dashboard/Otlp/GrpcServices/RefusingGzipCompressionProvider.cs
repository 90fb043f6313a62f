using System.IO.Compression;
using Grpc.Core;
using Grpc.Net.Compression;

namespace Jewelry.Dashboard.Otlp.GrpcServices;

/// <summary>
/// gRPC's <c>gzip</c> message encoding, refusing a message that is not gzip as INVALID_ARGUMENT: Grpc.AspNetCore's own
/// provider lets the inflater's exception escape, which it reports as UNKNOWN, a server fault.
/// </summary>
internal sealed class RefusingGzipCompressionProvider : ICompressionProvider
{
    public string EncodingName => "gzip";

    public Stream CreateCompressionStream(Stream stream, CompressionLevel? compressionLevel) =>
        new GZipStream(stream, compressionLevel ?? CompressionLevel.Fastest, leaveOpen: true);

    public Stream CreateDecompressionStream(Stream stream) =>
        new RefusingStream(new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true));

    private sealed class RefusingStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                return inner.Read(buffer, offset, count);
            }
            catch (InvalidDataException exception)
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"The message is not valid gzip: {exception.Message}"));
            }
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
