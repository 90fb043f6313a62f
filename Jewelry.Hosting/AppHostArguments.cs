namespace Jewelry.Hosting;

/// <summary>
/// Turns the AppHost's friendly switches into configuration arguments before Aspire reads the command line, where a
/// switch without a value would swallow the next argument: <c>--keep-data</c>, <c>--containers</c>, <c>--demo-thresholds</c>,
/// <c>--state-file PATH</c> and <c>--data-dir PATH</c>. Everything else passes through unchanged.
/// </summary>
public static class AppHostArguments
{
    public static string[] Expand(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);

        var expanded = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            switch (name)
            {
                case "--keep-data":
                    expanded.Add($"--{AppHostSettings.KeepData}=true");
                    break;
                case "--containers":
                    expanded.Add($"--{AppHostSettings.Containers}=true");
                    break;
                case "--demo-thresholds":
                    expanded.Add($"--{AppHostSettings.DemoThresholds}=true");
                    break;
                case "--state-file":
                    expanded.Add($"--{AppHostSettings.StateFile}={Path.GetFullPath(Value(args, ref i, name, inlineValue))}");
                    break;
                case "--data-dir":
                    expanded.Add($"--{AppHostSettings.DataDirectory}={Path.GetFullPath(Value(args, ref i, name, inlineValue))}");
                    break;
                default:
                    expanded.Add(args[i]);
                    break;
            }
        }

        return [.. expanded];
    }

    private static string Value(string[] args, ref int index, string name, string? inlineValue)
    {
        if (inlineValue is not null)
        {
            return inlineValue;
        }

        if (index + 1 >= args.Length)
        {
            throw new ArgumentException($"The AppHost option {name} needs a value, e.g. {name} /tmp/jewelry-state.json.");
        }

        return args[++index];
    }

    private static (string Name, string? InlineValue) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }
}
