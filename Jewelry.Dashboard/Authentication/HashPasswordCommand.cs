using System.Text;

namespace Jewelry.Dashboard.Authentication;

/// <summary>
/// <c>dotnet Jewelry.Dashboard.dll hash-password</c>: reads a password from standard input and prints the
/// <c>PasswordHash</c> for <c>Dashboard:Users</c>, without starting the dashboard. The password never appears
/// on the command line, where other users and the shell history could see it.
/// </summary>
public static class HashPasswordCommand
{
    public const string Name = "hash-password";

    public static int Run(IReadOnlyList<string> arguments, TextReader input, TextWriter output, TextWriter error, bool interactive)
    {
        if (arguments.Count > 0)
        {
            error.WriteLine($"Usage: dotnet Jewelry.Dashboard.dll {Name}   (reads the password from standard input)");
            return 2;
        }

        if (interactive)
        {
            error.Write("Password: ");
        }

        var password = interactive ? ReadHidden() : input.ReadLine();
        if (string.IsNullOrEmpty(password))
        {
            error.WriteLine("No password given: write it to standard input, e.g. 'read -rs p; printf %s \"$p\" | dotnet Jewelry.Dashboard.dll hash-password'.");
            return 1;
        }

        output.WriteLine(PasswordHasher.Hash(password).ToString());
        return 0;
    }

    private static string ReadHidden()
    {
        var password = new StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                password.Length = Math.Max(0, password.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return password.ToString();
    }
}
