namespace Jewelry.Tests.Dashboard;

/// <summary>Dashboard test classes share one PostgreSQL and one running dashboard.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardTestGroup : ICollectionFixture<DashboardFixture>
{
    public const string Name = "Dashboard";
}
