namespace Jewelry.Hosting;

/// <summary>Node.js (<c>JEWELRY_NODE</c>, or node on PATH) and the s3rver package under tools/s3rver.</summary>
internal sealed record S3rverInstallation(string Node, string Script)
{
    public const string NodeVariable = "JEWELRY_NODE";

    public static S3rverInstallation? Locate(string repositoryRoot, List<string> problems)
    {
        string? node;
        if (Environment.GetEnvironmentVariable(NodeVariable) is { Length: > 0 } configured)
        {
            node = ExecutableSearch.IsExecutable(configured) ? configured : null;
            if (node is null)
            {
                problems.Add($"Node.js: {configured} (set by {NodeVariable}) is not an executable. Install with: {PrerequisiteChecker.SetupHint}, or: sudo apt-get install -y nodejs");
            }
        }
        else
        {
            node = ExecutableSearch.Find("node");
            if (node is null)
            {
                problems.Add($"Node.js is not installed (the S3 store, s3rver, runs on it). Install with: {PrerequisiteChecker.SetupHint}, or: sudo apt-get install -y nodejs npm");
            }
        }

        var script = Path.Combine(repositoryRoot, "tools", "s3rver", "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(script))
        {
            problems.Add($"s3rver is not installed ({script} is missing). Install with: {PrerequisiteChecker.SetupHint}, or: npm ci --prefix {Path.Combine(repositoryRoot, "tools", "s3rver")}");
        }

        return node is null || !File.Exists(script) ? null : new S3rverInstallation(node, script);
    }
}
