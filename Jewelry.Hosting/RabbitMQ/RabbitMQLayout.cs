namespace Jewelry.Hosting.RabbitMQ;

/// <summary>The files and folders of one local broker under the AppHost's data folder.</summary>
internal sealed record RabbitMQLayout(string Root)
{
    public string Home => Path.Combine(Root, "home");

    public string Mnesia => Path.Combine(Root, "mnesia");

    public string Logs => Path.Combine(Root, "log");

    public string ConfigFile => Path.Combine(Root, "rabbitmq.conf");

    /// <summary>Points away from /etc/rabbitmq so a system-wide configuration cannot change our node.</summary>
    public string AdvancedConfigFile => Path.Combine(Root, "advanced.config");

    public string EnvironmentFile => Path.Combine(Root, "rabbitmq-env.conf");

    public string EnabledPluginsFile => Path.Combine(Root, "enabled_plugins");

    public void Create()
    {
        foreach (var directory in new[] { Root, Home, Mnesia, Logs })
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        if (!File.Exists(EnvironmentFile))
        {
            File.WriteAllText(EnvironmentFile, string.Empty);
        }
    }
}
