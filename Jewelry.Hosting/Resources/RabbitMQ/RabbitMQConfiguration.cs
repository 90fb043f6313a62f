using System.Globalization;
using System.Text;

namespace Jewelry.Hosting;

/// <summary>rabbitmq.conf for a local broker: generated credentials, loopback only, quiet console.</summary>
internal static class RabbitMQConfiguration
{
    public static string Render(RabbitMQServerResource resource)
    {
        var config = new StringBuilder();
        config.AppendLine(CultureInfo.InvariantCulture, $"default_user = {RabbitMQServerResource.UserName}");
        config.AppendLine(CultureInfo.InvariantCulture, $"default_pass = {resource.PasswordParameter.GetValue()}");

        // The listeners are bound to 127.0.0.1 anyway; this lets the default user log in over TCP at all.
        config.AppendLine("loopback_users = none");
        if (resource.ManagementPluginEnabled)
        {
            var management = resource.Endpoints.Single(e => e.Name == RabbitMQServerResource.ManagementEndpointName);
            config.AppendLine(CultureInfo.InvariantCulture, $"management.tcp.port = {management.Port}");
            config.AppendLine(CultureInfo.InvariantCulture, $"management.tcp.ip = {EndpointAnnotation.LocalHost}");
        }

        // Hundreds of info lines at boot would bury the other resources' output; they go to log/rabbit.log.
        config.AppendLine("log.console = true");
        config.AppendLine("log.console.level = warning");
        config.AppendLine("log.console.use_colors = off");
        config.AppendLine("log.file = rabbit.log");
        config.AppendLine("log.file.level = info");
        return config.ToString();
    }
}
