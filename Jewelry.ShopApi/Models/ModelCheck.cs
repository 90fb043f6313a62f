using Jewelry.Manufacturing.Geometry;

namespace Jewelry.ShopApi.Models;

/// <summary>Whether uploaded bytes are an STL model the workshop can print, and if not, why.</summary>
public sealed record ModelCheck(ModelCheckOutcome Outcome, string? Reason, MeshMetrics? Metrics)
{
    public static ModelCheck Of(ReadOnlySpan<byte> content)
    {
        if (!StlReader.HasStlSignature(content))
        {
            return new(ModelCheckOutcome.NotStl, NotStlReason(content), null);
        }

        Mesh mesh;
        try
        {
            mesh = StlReader.Read(content);
        }
        catch (StlFormatException ex)
        {
            return new(ModelCheckOutcome.NotStl, ex.Message, null);
        }

        try
        {
            return new(ModelCheckOutcome.Printable, null, MeshAnalyzer.Analyze(mesh));
        }
        catch (InvalidModelException ex)
        {
            return new(ModelCheckOutcome.NotPrintable, ex.Message, null);
        }
    }

    // The reader explains best what is wrong with bytes that are not STL.
    private static string NotStlReason(ReadOnlySpan<byte> content)
    {
        try
        {
            StlReader.Read(content);
            return "The file is not an STL model.";
        }
        catch (StlFormatException ex)
        {
            return ex.Message;
        }
    }
}
