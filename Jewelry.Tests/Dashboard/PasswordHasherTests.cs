using System.Diagnostics;
using System.Text.Json;
using Jewelry.Dashboard.Authentication;

namespace Jewelry.Tests.Dashboard;

/// <summary>PBKDF2-HMAC-SHA256 password hashes: format, salt, verification, and the command that makes them.</summary>
[Trait("Category", "Integration")]
public sealed class PasswordHasherTests
{
    [Fact]
    public void A_hash_verifies_its_password_and_nothing_else()
    {
        var hash = PasswordHasher.Hash("correct horse battery staple");

        Assert.True(PasswordHasher.Verify("correct horse battery staple", hash));
        Assert.False(PasswordHasher.Verify("correct horse battery stapl", hash));
        Assert.False(PasswordHasher.Verify("Correct horse battery staple", hash));
        Assert.False(PasswordHasher.Verify(string.Empty, hash));
    }

    [Fact]
    public void The_text_form_has_scheme_iterations_a_16_byte_salt_and_a_32_byte_hash_and_parses_back()
    {
        var hash = PasswordHasher.Hash("pa$$word");
        var text = hash.ToString();

        var parts = text.Split('$');
        Assert.Equal(4, parts.Length);
        Assert.Equal("pbkdf2-sha256", parts[0]);
        Assert.Equal(PasswordHasher.DefaultIterations.ToString(System.Globalization.CultureInfo.InvariantCulture), parts[1]);
        Assert.True(PasswordHasher.DefaultIterations >= 100_000);
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
        Assert.Equal(32, Convert.FromBase64String(parts[3]).Length);
        Assert.True(PasswordHash.TryParse(text, out var parsed, out _));
        Assert.True(PasswordHasher.Verify("pa$$word", parsed));
    }

    [Fact]
    public void The_same_password_hashes_differently_every_time()
    {
        var first = PasswordHasher.Hash("same password");
        var second = PasswordHasher.Hash("same password");

        Assert.NotEqual(first.ToString(), second.ToString());
        Assert.NotEqual(Convert.ToBase64String(first.Salt), Convert.ToBase64String(second.Salt));
        Assert.True(PasswordHasher.Verify("same password", second));
    }

    [Theory]
    [InlineData("password", 1, "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b")]
    [InlineData("password", 4096, "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a")]
    public void The_derivation_is_pbkdf2_hmac_sha256_by_the_published_vectors(string password, int iterations, string expectedHex)
    {
        var derived = PasswordHasher.Derive(password, "salt"u8.ToArray(), iterations);

        Assert.Equal(expectedHex, Convert.ToHexStringLower(derived));
    }

    [Theory]
    [InlineData("", "expected pbkdf2-sha256$")]
    [InlineData("not-a-hash", "expected pbkdf2-sha256$")]
    [InlineData("pbkdf2-sha1$600000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "scheme")]
    [InlineData("pbkdf2-sha256$99999$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "iteration count")]
    [InlineData("pbkdf2-sha256$lots$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "iteration count")]
    [InlineData("pbkdf2-sha256$600000$AAAAAAAAAAAAAAAAAAA=$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "salt")]
    [InlineData("pbkdf2-sha256$600000$not base64!$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "salt")]
    [InlineData("pbkdf2-sha256$600000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAA==", "hash")]
    [InlineData("pbkdf2-sha256$600000$AAAAAAAAAAAAAAAAAAAAAA==", "expected pbkdf2-sha256$")]
    public void Malformed_hashes_are_refused_with_a_reason(string text, string reason)
    {
        Assert.False(PasswordHash.TryParse(text, out var hash, out var error));
        Assert.Null(hash);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_demo_users_in_appsettings_have_hashes_of_the_documented_passwords()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(new Projects.Jewelry_Dashboard().ProjectPath)!, "appsettings.json")));
        var users = settings.RootElement.GetProperty("Dashboard").GetProperty("Users").EnumerateArray()
            .ToDictionary(u => u.GetProperty("Name").GetString()!, u => (Role: u.GetProperty("Role").GetString(), Hash: u.GetProperty("PasswordHash").GetString()));

        foreach (var (name, password, role) in new[]
        {
            (DemoUsers.SupportName, DemoUsers.SupportPassword, DashboardRoles.Support),
            (DemoUsers.DeveloperName, DemoUsers.DeveloperPassword, DashboardRoles.Developer),
            (DemoUsers.AdminName, DemoUsers.AdminPassword, DashboardRoles.Admin),
        })
        {
            Assert.Equal(role, users[name].Role);
            Assert.True(PasswordHash.TryParse(users[name].Hash, out var hash, out _));
            Assert.True(PasswordHasher.Verify(password, hash), $"the hash of {name} does not match its demo password");
        }
    }

    [Fact]
    public async Task The_hash_password_command_reads_stdin_prints_a_hash_and_does_not_start_the_dashboard()
    {
        // No connection string is set: starting the web app would fail, so exit code 0 means it never started.
        var (exitCode, output, _) = await RunDashboardAsync(["hash-password"], "s3cret-from-stdin\n");

        Assert.Equal(0, exitCode);
        Assert.True(PasswordHash.TryParse(output.Trim(), out var hash, out var error), error);
        Assert.True(PasswordHasher.Verify("s3cret-from-stdin", hash));
        Assert.DoesNotContain("s3cret", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hash_password_command_refuses_an_empty_password()
    {
        var (exitCode, output, error) = await RunDashboardAsync(["hash-password"], "\n");

        Assert.NotEqual(0, exitCode);
        Assert.Empty(output.Trim());
        Assert.Contains("No password given", error, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunDashboardAsync(string[] arguments, string input)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(DashboardProcess.DashboardDll)!,
        };
        startInfo.ArgumentList.Add(DashboardProcess.DashboardDll);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment.Remove("ConnectionStrings__telemetrydb");
        using var process = Process.Start(startInfo)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
