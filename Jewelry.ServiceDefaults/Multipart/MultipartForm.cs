namespace Jewelry.ServiceDefaults.Multipart;

/// <summary>The parts of a form that were asked for, read into memory; a text field too long to be one is absent.</summary>
public sealed record MultipartForm(IReadOnlyDictionary<string, MultipartFile> Files, IReadOnlyDictionary<string, string> Fields)
{
    public MultipartFile? File(string name) => Files.GetValueOrDefault(name);

    public string? Field(string name) => Fields.GetValueOrDefault(name);
}
