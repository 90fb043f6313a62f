using Jewelry.Hosting.LocalData;
using Microsoft.Extensions.Configuration;

namespace Jewelry.Hosting.S3;

/// <summary>Node.js (<c>JEWELRY_NODE</c>, or node on PATH) and the s3rver package under the repository's tools/s3rver.</summary>
internal sealed record S3rverInstallation(string? Node, string Script, string PackageDirectory, string? ConfiguredNode)
{
    public const string NodeVariable = "JEWELRY_NODE";

    public static S3rverInstallation Locate(IConfiguration configuration, string repositoryRoot)
    {
        var configured = configuration[NodeVariable] is { Length: > 0 } path ? path : null;
        var node = configured is not null
            ? (ExecutableSearch.IsExecutable(configured) ? configured : null)
            : ExecutableSearch.Find("node");
        var package = Path.Combine(repositoryRoot, "tools", "s3rver");
        return new S3rverInstallation(node, Path.Combine(package, "node_modules", "s3rver", "bin", "s3rver.js"), package, configured);
    }

    /// <summary>Why the store cannot run, in one line with the command that fixes it; null when it can.</summary>
    public string? Problem()
    {
        if (Node is null)
        {
            return ConfiguredNode is { } configured
                ? $"Node.js: {configured} (set by {NodeVariable}) is not an executable. Install it with {MissingPrerequisiteException.SetupHint} (or: sudo apt-get install -y nodejs)."
                : $"Node.js is not installed (the S3 store, s3rver, runs on it). Install it with {MissingPrerequisiteException.SetupHint} (or: sudo apt-get install -y nodejs npm).";
        }

        return File.Exists(Script)
            ? null
            : $"s3rver is not installed ({Script} is missing). Install it with {MissingPrerequisiteException.SetupHint} (or: npm ci --prefix {PackageDirectory}).";
    }
}
