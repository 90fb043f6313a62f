namespace Jewelry.Dashboard.Alerts;

/// <summary>
/// An alert a rule raises now: its labels (which say what it is about, and so its fingerprint), annotations (what a
/// person reads), the measured value and the orders it concerns.
/// </summary>
public sealed record EvaluatedAlert(
    string Rule,
    AlertKind Kind,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    double Value,
    IReadOnlyList<string> Orders)
{
    public string Fingerprint { get; } = AlertFingerprint.Of(Labels);
}
