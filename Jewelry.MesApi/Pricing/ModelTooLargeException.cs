namespace Jewelry.MesApi.Pricing;

/// <summary>A model is larger than <see cref="MesOptions.MaxModelBytes"/>; it was not read to the end.</summary>
public sealed class ModelTooLargeException(long maxBytes)
    : Exception($"The model is larger than the {ByteSize.Describe(maxBytes)} limit.")
{
    public long MaxBytes { get; } = maxBytes;
}
