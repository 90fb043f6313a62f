namespace Jewelry.Hosting;

/// <summary>Checks, before anything starts, that every program the model needs is installed; says how to install what is missing.</summary>
internal static class PrerequisiteChecker
{
    public const string SetupHint = "./setup.sh";

    public static Toolchain Check(IReadOnlyList<IResource> resources, string repositoryRoot)
    {
        var problems = new List<string>();

        var setpriv = ExecutableSearch.Find("setpriv", "/usr/bin", "/bin");
        var setsid = ExecutableSearch.Find("setsid", "/usr/bin", "/bin");
        if (setpriv is null || setsid is null)
        {
            problems.Add($"setpriv and setsid (util-linux) are needed to tie servers' lifetime to the AppHost. Install with: {SetupHint}, or: sudo apt-get install -y util-linux");
        }

        PostgresInstallation? postgres = null;
        UnixUser? serviceUser = null;
        if (resources.OfType<PostgresServerResource>().Any())
        {
            postgres = PostgresInstallation.Locate(problems);
            if (UnixUser.IsRoot)
            {
                serviceUser = UnixUser.Find(PostgresInstallation.ServiceAccount);
                if (serviceUser is null)
                {
                    problems.Add($"PostgreSQL refuses to run as root and there is no '{PostgresInstallation.ServiceAccount}' account to run it as. Install with: {SetupHint}, or: sudo apt-get install -y postgresql");
                }
            }
        }

        var rabbitMQ = resources.OfType<RabbitMQServerResource>().Any() ? RabbitMQInstallation.Locate(problems) : null;
        var s3rver = resources.OfType<S3StoreResource>().Any() ? S3rverInstallation.Locate(repositoryRoot, problems) : null;

        foreach (var project in resources.OfType<ProjectResource>())
        {
            if (!File.Exists(project.Metadata.TargetPath))
            {
                problems.Add($"Project '{project.Name}' is not built ({project.Metadata.TargetPath} is missing). Build with: dotnet build Jewelry.sln");
            }
        }

        if (problems.Count > 0)
        {
            throw new MissingPrerequisitesException(problems);
        }

        return new Toolchain
        {
            Setpriv = setpriv!,
            Setsid = setsid!,
            DotNet = DotNetHost.Locate(),
            RepositoryRoot = repositoryRoot,
            ServiceUser = serviceUser,
            Postgres = postgres,
            RabbitMQ = rabbitMQ,
            S3rver = s3rver,
        };
    }
}
