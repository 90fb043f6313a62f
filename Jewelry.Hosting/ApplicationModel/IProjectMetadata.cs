namespace Jewelry.Hosting;

/// <summary>Implemented by the <c>Projects.*</c> classes the AppHost build generates for each referenced service.</summary>
public interface IProjectMetadata
{
    /// <summary>Absolute path of the .csproj.</summary>
    string ProjectPath { get; }

    /// <summary>Absolute path of the built assembly that <c>dotnet</c> runs.</summary>
    string TargetPath { get; }
}
