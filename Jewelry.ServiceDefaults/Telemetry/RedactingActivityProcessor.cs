using System.Diagnostics;
using OpenTelemetry;

namespace Jewelry.ServiceDefaults.Telemetry;

/// <summary>Applies <see cref="TelemetryRedactor"/> to every span before it is exported.</summary>
internal sealed class RedactingActivityProcessor : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        List<KeyValuePair<string, string?>>? changes = null;
        foreach (var (key, value) in data.TagObjects)
        {
            if (TelemetryRedactor.IsSensitiveKey(key))
            {
                (changes ??= []).Add(new(key, null));
            }
            else if (value is string text && TelemetryRedactor.MaskValue(text) is var masked && !ReferenceEquals(masked, text) && masked != text)
            {
                (changes ??= []).Add(new(key, masked));
            }
        }

        foreach (var (key, value) in changes ?? [])
        {
            data.SetTag(key, value);
        }

        if (data.StatusDescription is { } description && TelemetryRedactor.MaskValue(description) is var maskedDescription && maskedDescription != description)
        {
            data.SetStatus(data.Status, maskedDescription);
        }
    }
}
