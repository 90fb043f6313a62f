using Jewelry.Hosting.LocalData;

namespace Jewelry.Hosting.Reporting;

internal sealed record StackReportSettings(LocalDataDirectory Data, string StateFile);
