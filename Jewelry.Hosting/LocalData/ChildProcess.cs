using System.Diagnostics;
using System.Text;

namespace Jewelry.Hosting.LocalData;

/// <summary>Runs a short preparation command (initdb and the like) to completion, as another account when asked.</summary>
internal static class ChildProcess
{
    public static async Task RunAsync(string program, IReadOnlyList<string> arguments, string workingDirectory, UnixUser? runAs, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(runAs is null ? program : "setpriv")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (runAs is not null)
        {
            foreach (var argument in new[] { $"--reuid={runAs.Name}", $"--regid={runAs.Name}", "--init-groups", "--", program })
            {
                startInfo.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = new StringBuilder();
        var readOutput = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var readError = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        output.Append(await readOutput.ConfigureAwait(false)).Append(await readError.ConfigureAwait(false));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with code {process.ExitCode}: {output.ToString().Trim()}");
        }
    }
}
