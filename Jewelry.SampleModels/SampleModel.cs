namespace Jewelry.SampleModels;

/// <summary>A sample file: its name, its bytes, and what it is for.</summary>
public sealed record SampleModel(string FileName, byte[] Content, string Purpose);
