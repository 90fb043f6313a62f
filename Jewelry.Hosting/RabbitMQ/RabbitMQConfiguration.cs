using System.Globalization;
using System.Text;

namespace Jewelry.Hosting.RabbitMQ;

/// <summary>rabbitmq.conf for a local broker: generated credentials, loopback only, a quiet console.</summary>
internal static class RabbitMQConfiguration
{
    public static string Render(string userName, string password, int? managementPort)
    {
        var config = new StringBuilder();
        config.AppendLine(CultureInfo.InvariantCulture, $"default_user = {userName}");
        config.AppendLine(CultureInfo.InvariantCulture, $"default_pass = {password}");

        // The listeners are bound to 127.0.0.1 anyway; this lets the default user log in over TCP at all.
        config.AppendLine("loopback_users = none");
        if (managementPort is { } port)
        {
            config.AppendLine(CultureInfo.InvariantCulture, $"management.tcp.port = {port}");
            config.AppendLine("management.tcp.ip = 127.0.0.1");
        }

        // Hundreds of info lines at boot would bury everything else; the file keeps them (log/rabbit.log).
        config.AppendLine("log.console = true");
        config.AppendLine("log.console.level = error");
        config.AppendLine("log.console.use_colors = off");
        config.AppendLine("log.file = rabbit.log");
        config.AppendLine("log.file.level = info");
        return config.ToString();
    }
}
