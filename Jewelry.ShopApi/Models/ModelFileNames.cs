using System.Text;

namespace Jewelry.ShopApi.Models;

/// <summary>
/// The customer's file name, made safe to show: no path, no control or markup characters, bounded length.
/// It is only ever displayed; storage keys come from the order id.
/// </summary>
public static class ModelFileNames
{
    public const int MaxLength = 100;
    public const string Default = "model.stl";

    private const int MaxExtensionLength = 10;

    public static string Sanitize(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return Default;
        }

        var lastSegment = fileName.Replace('\\', '/');
        lastSegment = lastSegment[(lastSegment.LastIndexOf('/') + 1)..];

        var safe = new StringBuilder(lastSegment.Length);
        foreach (var c in lastSegment.Normalize(NormalizationForm.FormC))
        {
            safe.Append(char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or ' ' or '(' or ')' ? c : '_');
        }

        // Leading dots would make a hidden file of it on download; trailing ones vanish on Windows.
        var name = safe.ToString().Trim().Trim('.').Trim();
        if (name.Length == 0)
        {
            return Default;
        }

        if (name.Length <= MaxLength)
        {
            return name;
        }

        var extension = Path.GetExtension(name);
        return extension.Length is > 1 and <= MaxExtensionLength
            ? name[..(MaxLength - extension.Length)] + extension
            : name[..MaxLength];
    }
}
