using System.Globalization;
using System.Net;

namespace Jewelry.Hosting;

internal static class HttpProbe
{
    /// <summary>Healthy when GET <paramref name="url"/> answers 200.</summary>
    public static async Task<HealthStatus> GetAsync(HttpClient http, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            return response.StatusCode == HttpStatusCode.OK
                ? HealthStatus.Healthy
                : HealthStatus.Unhealthy($"GET {url.AbsolutePath} answered {((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)} {response.ReasonPhrase}");
        }
        catch (HttpRequestException exception)
        {
            return HealthStatus.Unhealthy($"GET {url.AbsolutePath}: {exception.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthStatus.Unhealthy($"GET {url.AbsolutePath}: no answer within {http.Timeout.TotalSeconds:0} s");
        }
    }
}
