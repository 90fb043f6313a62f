using System.Globalization;
using Jewelry.Manufacturing.Geometry;
using Jewelry.SampleModels;

// Usage: dotnet run --project Jewelry.SampleModels [output folder]; by default samples/models in the repository.
var output = args.Length > 0 ? Path.GetFullPath(args[0]) : Path.Combine(RepositoryRoot.Find(), "samples", "models");
Directory.CreateDirectory(output);

foreach (var sample in SampleModelSet.Create())
{
    var path = Path.Combine(output, sample.FileName);
    await File.WriteAllBytesAsync(path, sample.Content);

    // Read back what was written, the way the MES will.
    string volume;
    try
    {
        volume = MeshAnalyzer.Analyze(StlReader.Read(await File.ReadAllBytesAsync(path))).VolumeMm3.ToString("0.###", CultureInfo.InvariantCulture) + " mm³";
    }
    catch (InvalidModelException ex)
    {
        volume = "refused: " + ex.Message;
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sample.FileName,-16} {sample.Content.Length,8} bytes  {volume}  ({sample.Purpose})"));
}

Console.WriteLine($"Written to {output}");
