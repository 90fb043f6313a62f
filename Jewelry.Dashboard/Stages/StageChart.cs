using System.Globalization;
using System.Text;
using System.Xml;
using Jewelry.Dashboard.Api;

namespace Jewelry.Dashboard.Stages;

/// <summary>
/// Renders stage percentiles as an SVG of horizontal bars, one row per stage: p99, p95 and p50 overlaid from
/// light to dark on a common time axis. Written with an <see cref="XmlWriter"/>, so labels from telemetry are
/// always escaped and the result is well-formed whether served alone or inlined in a page.
/// </summary>
public static class StageChart
{
    public const int Width = 760;
    public const int RowHeight = 24;
    public const int HeaderHeight = 30;
    public const int AxisHeight = 30;
    public const int EmptyHeight = 64;
    public const int MaxLabelLength = 46;
    public const string EmptyText = "No data in this window";

    private const string SvgNamespace = "http://www.w3.org/2000/svg";
    private const int LabelWidth = 330;
    private const int RightMargin = 28;
    private const int BarHeight = 14;
    private const double Hour = 3_600_000;
    private const double Day = 24 * Hour;

    // Drawn in this order, widest first, so each shorter bar stays visible on top of the longer one.
    private static readonly (string Name, string Color, Func<StageChartRow, double> Value)[] s_series =
    [
        ("p99", "#c9d4fb", r => r.P99Ms),
        ("p95", "#8fa4f3", r => r.P95Ms),
        ("p50", "#4f6ee0", r => r.P50Ms),
    ];

    // Steps a person reads at a glance: 1-2-5 below a second, then whole clock units.
    private static readonly double[] s_decadeMultiples = [1, 2, 5];

    private static readonly double[] s_clockSteps =
    [
        1_000, 2_000, 5_000, 10_000, 15_000, 30_000,
        60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000,
        Hour, 2 * Hour, 3 * Hour, 6 * Hour, 12 * Hour,
        Day, 2 * Day, 7 * Day, 14 * Day, 28 * Day,
    ];

    public static string Render(string title, IReadOnlyList<StageChartRow> rows)
    {
        var svg = new StringBuilder();
        using (var writer = XmlWriter.Create(svg, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            var height = rows.Count == 0 ? EmptyHeight : HeaderHeight + (rows.Count * RowHeight) + AxisHeight;
            writer.WriteStartElement("svg", SvgNamespace);
            Attributes(writer, ("width", Width), ("height", height));
            writer.WriteAttributeString("viewBox", Invariant($"0 0 {Width} {height}"));
            writer.WriteAttributeString("role", "img");
            writer.WriteAttributeString("aria-label", Clean(title));
            writer.WriteAttributeString("font-family", "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif");
            writer.WriteAttributeString("font-size", "12");
            writer.WriteElementString("title", SvgNamespace, Clean(title));
            if (rows.Count == 0)
            {
                WriteEmpty(writer, title);
            }
            else
            {
                WriteChart(writer, title, rows);
            }

            writer.WriteEndElement();
        }

        return svg.ToString();
    }

    /// <summary>The axis step and end for durations up to <paramref name="maxMs"/>: at most six ticks, each a round number of one unit.</summary>
    public static (double Step, double End) Scale(double maxMs)
    {
        var max = maxMs > 0 && double.IsFinite(maxMs) ? maxMs : 1;
        var step = Steps().First(s => max / s <= 6);
        return (step, Math.Ceiling(max / step) * step);
    }

    /// <summary>A tick label in the unit of the axis step, so one axis never mixes units.</summary>
    public static string TickLabel(double milliseconds, double stepMs)
    {
        var (divisor, unit) = stepMs switch
        {
            < 1 => (0.001, "µs"),
            < 1_000 => (1d, "ms"),
            < 60_000 => (1_000d, "s"),
            < Hour => (60_000d, "min"),
            < Day => (Hour, "h"),
            _ => (Day, "d"),
        };
        return Invariant($"{milliseconds / divisor:0.##}{unit}");
    }

    private static void WriteEmpty(XmlWriter writer, string title)
    {
        WriteText(writer, 10, 20, Clean(title), bold: true);
        writer.WriteStartElement("text", SvgNamespace);
        Attributes(writer, ("x", Width / 2), ("y", 46));
        writer.WriteAttributeString("text-anchor", "middle");
        writer.WriteAttributeString("fill", "#6b7385");
        writer.WriteString(EmptyText);
        writer.WriteEndElement();
    }

    private static void WriteChart(XmlWriter writer, string title, IReadOnlyList<StageChartRow> rows)
    {
        var (step, end) = Scale(rows.Max(r => Math.Max(r.P99Ms, Math.Max(r.P95Ms, r.P50Ms))));
        var plotWidth = Width - LabelWidth - RightMargin;
        double X(double ms) => LabelWidth + (plotWidth * Math.Clamp(ms, 0, end) / end);
        var rowsBottom = HeaderHeight + (rows.Count * RowHeight);

        WriteText(writer, 10, 19, Clean(title), bold: true);
        WriteLegend(writer);

        for (var tick = 0; tick * step <= end * (1 + 1e-9); tick++)
        {
            var x = X(tick * step);
            Line(writer, x, HeaderHeight - 4, x, rowsBottom + 4, tick == 0 ? "#9aa3b5" : "#e3e6ec");
            writer.WriteStartElement("text", SvgNamespace);
            Attributes(writer, ("x", x), ("y", rowsBottom + 18));
            writer.WriteAttributeString("text-anchor", tick == 0 ? "start" : "middle");
            writer.WriteAttributeString("fill", "#6b7385");
            writer.WriteAttributeString("font-size", "11");
            writer.WriteString(TickLabel(tick * step, step));
            writer.WriteEndElement();
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var top = HeaderHeight + (i * RowHeight);
            var label = Clean(row.Label);
            writer.WriteStartElement("g", SvgNamespace);
            writer.WriteAttributeString("class", "stage");
            writer.WriteElementString("title", SvgNamespace,
                $"{label}: p50 {DurationText.Format(row.P50Ms)}, p95 {DurationText.Format(row.P95Ms)}, p99 {DurationText.Format(row.P99Ms)}");
            writer.WriteStartElement("text", SvgNamespace);
            Attributes(writer, ("x", LabelWidth - 8), ("y", top + (RowHeight / 2) + 4));
            writer.WriteAttributeString("text-anchor", "end");
            writer.WriteAttributeString("fill", "#1d2330");
            writer.WriteString(Truncate(label));
            writer.WriteEndElement();
            foreach (var (name, color, selector) in s_series)
            {
                var value = selector(row);
                var width = X(value) - LabelWidth;
                writer.WriteStartElement("rect", SvgNamespace);
                writer.WriteAttributeString("class", name);
                Attributes(writer, ("x", LabelWidth), ("y", top + ((RowHeight - BarHeight) / 2)), ("width", value > 0 ? Math.Max(width, 1) : 0), ("height", BarHeight));
                writer.WriteAttributeString("fill", color);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }
    }

    private static void WriteLegend(XmlWriter writer)
    {
        const int entryWidth = 56;
        var x = (double)(Width - RightMargin - (s_series.Length * entryWidth));
        for (var i = s_series.Length - 1; i >= 0; i--)
        {
            var (name, color, _) = s_series[i];
            writer.WriteStartElement("rect", SvgNamespace);
            Attributes(writer, ("x", x), ("y", 9), ("width", 12), ("height", 12));
            writer.WriteAttributeString("fill", color);
            writer.WriteEndElement();
            WriteText(writer, x + 16, 19, name, bold: false);
            x += entryWidth;
        }
    }

    private static void WriteText(XmlWriter writer, double x, double y, string text, bool bold)
    {
        writer.WriteStartElement("text", SvgNamespace);
        Attributes(writer, ("x", x), ("y", y));
        writer.WriteAttributeString("fill", "#1d2330");
        if (bold)
        {
            writer.WriteAttributeString("font-weight", "600");
        }

        writer.WriteString(text);
        writer.WriteEndElement();
    }

    private static void Line(XmlWriter writer, double x1, double y1, double x2, double y2, string color)
    {
        writer.WriteStartElement("line", SvgNamespace);
        Attributes(writer, ("x1", x1), ("y1", y1), ("x2", x2), ("y2", y2));
        writer.WriteAttributeString("stroke", color);
        writer.WriteEndElement();
    }

    private static void Attributes(XmlWriter writer, params ReadOnlySpan<(string Name, double Value)> attributes)
    {
        foreach (var (name, value) in attributes)
        {
            writer.WriteAttributeString(name, value.ToString("0.##", CultureInfo.InvariantCulture));
        }
    }

    private static IEnumerable<double> Steps()
    {
        for (var decade = 0.001; decade < 1_000; decade *= 10)
        {
            foreach (var multiple in s_decadeMultiples)
            {
                yield return decade * multiple;
            }
        }

        foreach (var step in s_clockSteps)
        {
            yield return step;
        }

        for (var step = 2 * s_clockSteps[^1]; ; step *= 2)
        {
            yield return step;
        }
    }

    /// <summary>
    /// Cuts a long label in the middle, keeping its start (service, method) and its end (the last route segments), which
    /// is where endpoints of one service differ: <c>mes-api: POST /api/prod…/{id:guid}/ship</c>.
    /// </summary>
    public static string Truncate(string label)
    {
        if (label.Length <= MaxLabelLength)
        {
            return label;
        }

        var head = (MaxLabelLength - 1) / 2;
        var tail = MaxLabelLength - 1 - head;
        if (char.IsHighSurrogate(label[head - 1]))
        {
            head--;
        }

        if (char.IsLowSurrogate(label[^tail]))
        {
            tail--;
        }

        return label[..head] + "…" + label[^tail..];
    }

    /// <summary>Telemetry may carry characters XML cannot hold (control characters, lone surrogates): they become U+FFFD.</summary>
    private static string Clean(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                clean.Append(text, i, 2);
                i++;
            }
            else
            {
                clean.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
            }
        }

        return clean.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
