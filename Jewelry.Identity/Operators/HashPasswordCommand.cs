namespace Jewelry.Identity.Operators;

/// <summary><c>dotnet Jewelry.Identity.dll hash-password</c>: reads a password from standard input, prints its hash for <c>Identity:Operators:{n}:PasswordHash</c>.</summary>
public static class HashPasswordCommand
{
    public const string Name = "hash-password";

    public static bool IsRequested(string[] args) => args is [Name];

    public static int Run()
    {
        Console.Error.Write("Password: ");
        var password = Console.ReadLine();
        if (string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine("No password given.");
            return 1;
        }

        Console.WriteLine(OperatorPasswords.Hash(password));
        return 0;
    }
}
