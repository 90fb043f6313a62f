namespace Jewelry.Hosting;

/// <summary>Reads the AppHost's command line and environment into <see cref="DistributedApplicationOptions"/>.</summary>
internal static class DistributedApplicationArguments
{
    public static void Apply(DistributedApplicationOptions options)
    {
        var args = options.Args;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            string Value()
            {
                if (inlineValue is not null)
                {
                    return inlineValue;
                }

                if (i + 1 >= args.Count)
                {
                    throw new ArgumentException($"Option {name} needs a value.");
                }

                return args[++i];
            }

            switch (name)
            {
                case "--keep-data":
                    options.KeepData = true;
                    break;
                case "--data-dir":
                    options.DataDirectory ??= Path.GetFullPath(Value());
                    break;
                case "--state-file":
                    options.StateFile ??= Path.GetFullPath(Value());
                    break;
                case "--otlp-endpoint":
                    options.OtlpEndpoint ??= Value();
                    break;
                case "--otlp-api-key":
                    options.OtlpApiKey ??= Value();
                    break;
                case "--otlp-protocol":
                    options.OtlpProtocol ??= Value();
                    break;
                case "--environment":
                    options.EnvironmentName = Value();
                    break;
                case "--publisher":
                    options.Publisher ??= Value();
                    break;
                case "--output-path":
                    options.OutputPath ??= Path.GetFullPath(Value());
                    break;
                default:
                    break;
            }
        }

        options.OtlpEndpoint ??= FromEnvironment("JEWELRY_OTLP_ENDPOINT");
        options.OtlpApiKey ??= FromEnvironment("JEWELRY_OTLP_API_KEY");
        options.OtlpProtocol ??= FromEnvironment("JEWELRY_OTLP_PROTOCOL");
        options.RepositoryRoot ??= FromEnvironment("JEWELRY_REPO_ROOT");
    }

    private static (string Name, string? InlineValue) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0
            ? (arg[..equals], arg[(equals + 1)..])
            : (arg, null);
    }

    private static string? FromEnvironment(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
