using System.Diagnostics;

namespace Jewelry.ServiceDefaults.Telemetry;

/// <summary>
/// Names outgoing HTTP spans <c>{method} {url.template}</c> as the semantic conventions allow, instead of the bare
/// <c>{method}</c> the instrumentation uses when it knows no template. The template is the request path with every
/// segment that could identify something (an id, a number, anything with digits or an <c>@</c>) replaced by
/// <c>{id}</c>: low cardinality, and no personal data in a span name.
/// </summary>
public static class HttpClientSpanNames
{
    public const string UrlTemplateAttribute = "url.template";
    public const string IdPlaceholder = "{id}";

    public static void Enrich(Activity activity, HttpRequestMessage request)
    {
        if (request.RequestUri is not { IsAbsoluteUri: true } uri || activity.GetTagItem(UrlTemplateAttribute) is not null)
        {
            return;
        }

        var template = Template(uri.AbsolutePath);
        activity.SetTag(UrlTemplateAttribute, template);
        activity.DisplayName = $"{request.Method.Method} {template}";
    }

    public static string Template(string path)
    {
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Length > 0 && !IsWord(segments[i]))
            {
                segments[i] = IdPlaceholder;
            }
        }

        var template = string.Join('/', segments);
        return template.Length == 0 ? "/" : template;
    }

    private static bool IsWord(string segment) =>
        segment.All(c => char.IsAsciiLetter(c) || c is '-' or '_' or '.') && segment.Any(char.IsAsciiLetter);
}
