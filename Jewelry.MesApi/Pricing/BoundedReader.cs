namespace Jewelry.MesApi.Pricing;

public static class BoundedReader
{
    /// <summary>Reads <paramref name="source"/> to the end, or throws <see cref="ModelTooLargeException"/> as soon as it passes <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]> ReadAllAsync(Stream source, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new ModelTooLargeException(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
