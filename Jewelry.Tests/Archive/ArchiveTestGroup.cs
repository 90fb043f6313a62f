namespace Jewelry.Tests.Archive;

/// <summary>The archive tests share PostgreSQL, the S3 store and one dashboard with the archive on.</summary>
[CollectionDefinition(Name)]
public sealed class ArchiveTestGroup : ICollectionFixture<ArchiveFixture>
{
    public const string Name = "Archive";
}
